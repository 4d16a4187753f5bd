using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.EndpointRecorder;

/// <summary>
/// The generator's stand-in for the analyzer's operation callbacks: the bodies that may set up the app's health
/// endpoints (see <see cref="IsRoutingSetup"/>), bound and walked operation by operation. Only those: binding is what
/// the generator costs (the analyzers' operations are bound once for all of them; a generator binds on its own).
/// </summary>
internal static class MappingBodies
{
    public static void Walk(Compilation compilation, Action<IOperation, ISymbol> record, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (IsGenerated(tree.FilePath))
            {
                continue;
            }

            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var body in Bodies(root))
            {
                if (!body.DescendantNodes().Any(IsRoutingSetup))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                var operation = model.GetOperation(body, cancellationToken);
                var symbol = model.GetDeclaredSymbol(body, cancellationToken) ?? model.GetEnclosingSymbol(body.SpanStart, cancellationToken);
                if (operation is null || symbol is null)
                {
                    continue;
                }

                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    record(descendant, symbol);
                }
            }
        }
    }

    /// <summary>Members with code: methods, constructors, accessors, and the top-level statements (bound as one body).</summary>
    private static IEnumerable<SyntaxNode> Bodies(SyntaxNode root)
    {
        if (root is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any())
        {
            yield return unit;
        }

        foreach (var node in root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or PropertyDeclarationSyntax or AccessorListSyntax or IndexerDeclarationSyntax))
        {
            if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                || node is PropertyDeclarationSyntax { ExpressionBody: not null })
            {
                yield return node;
            }
        }
    }

    /// <summary>
    /// Whether a node may contribute to the app's health endpoints: health-check and app-assembly calls, and Map*/Use*
    /// calls except those whose route is a constant that names no health endpoint (an API's MapGet("/orders"), a
    /// MapGroup(Prefix) with a const prefix): binding those bodies would cost and could not add a health endpoint.
    /// </summary>
    private static bool IsRoutingSetup(SyntaxNode node)
    {
        if (node is InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                GenericNameSyntax generic => generic.Identifier.ValueText,
                _ => "",
            };
            switch (name)
            {
                case "MapHealthChecks" or "UseHealthChecks" or "AddHealthChecks" or "AddGrpcHealthChecks" or "MapRazorPages" or "MapControllers"
                    or "MapControllerRoute" or "MapDefaultControllerRoute" or "UseEndpoints" or "Build" or "Run" or "SetFallbackPolicy" or "UseAuthorization":
                    return true;
                case "MapPost" or "MapPut" or "MapDelete" or "MapPatch":
                    return false;
                default:
                    return (name.StartsWith("Map", StringComparison.Ordinal) || name.StartsWith("Use", StringComparison.Ordinal)) && MayMapHealth(invocation);
            }
        }

        return node is IdentifierNameSyntax { Identifier.ValueText: "FallbackPolicy" or "AuthorizeFilter" };
    }

    private static bool MayMapHealth(InvocationExpressionSyntax invocation)
    {
        if (invocation.ArgumentList.Arguments.Count == 0)
        {
            return true;
        }

        var route = invocation.ArgumentList.Arguments[0].Expression switch
        {
            LiteralExpressionSyntax { Token.Value: string literal } => literal,
            IdentifierNameSyntax identifier => ConstOfEnclosingType(identifier),
            _ => null,
        };
        return route is null || HealthEndpointInventory.MayNameHealth(route);
    }

    /// <summary>The literal a const field of the enclosing type holds (private const string Prefix = "/orders").</summary>
    private static string? ConstOfEnclosingType(IdentifierNameSyntax identifier)
    {
        var type = identifier.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return null;
        }

        foreach (var field in type.Members.OfType<FieldDeclarationSyntax>())
        {
            if (field.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Identifier.ValueText == identifier.Identifier.ValueText)
                    {
                        return variable.Initializer?.Value is LiteralExpressionSyntax { Token.Value: string value } ? value : null;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsGenerated(string path) =>
        path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase);
}
