using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Emitted;

/// <summary>
/// The generator's stand-in for the analyzer's operation callbacks: the bodies that set up the app's routing (a call
/// named Map*/Use*, Run, Build, the health-check and authorization setup), bound and walked operation by operation.
/// Only those: binding is what costs, and the rest of the app cannot map a route.
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
            return name.StartsWith("Map", StringComparison.Ordinal)
                || name.StartsWith("Use", StringComparison.Ordinal)
                || name is "Run" or "Build" or "AddHealthChecks" or "AddGrpcHealthChecks" or "SetFallbackPolicy";
        }

        return node is IdentifierNameSyntax { Identifier.ValueText: "FallbackPolicy" or "AuthorizeFilter" };
    }

    private static bool IsGenerated(string path) =>
        path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase);
}
