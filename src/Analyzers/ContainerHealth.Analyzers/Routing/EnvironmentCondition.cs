using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// Whether code runs in the container, which starts the app in Production: the enclosing if/else conditions on the
/// host environment (IsDevelopment(), IsEnvironment("Development"), !IsProduction(), EnvironmentName == ...) are
/// evaluated for Production; anything else is unknown and counts as running.
/// </summary>
internal static class EnvironmentCondition
{
    /// <summary>The condition, as written, that keeps <paramref name="node"/> from running in Production; null when it may run.</summary>
    public static string? SkippedInProduction(SyntaxNode node)
    {
        for (SyntaxNode child = node, parent = node.Parent!; parent is not null; child = parent, parent = parent.Parent!)
        {
            switch (parent)
            {
                case IfStatementSyntax statement when child == statement.Statement && InProduction(statement.Condition) == false:
                    return statement.Condition.ToString();
                case ElseClauseSyntax { Parent: IfStatementSyntax statement } when InProduction(statement.Condition) == true:
                    return "!(" + statement.Condition + ")";
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue && InProduction(conditional.Condition) == false:
                    return conditional.Condition.ToString();
                case ConditionalExpressionSyntax conditional when child == conditional.WhenFalse && InProduction(conditional.Condition) == true:
                    return "!(" + conditional.Condition + ")";
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The condition's value when the app runs in Production; null when it does not depend on the environment alone.</summary>
    public static bool? InProduction(ExpressionSyntax condition)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return InProduction(parenthesized.Expression);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return InProduction(not.Operand) is { } value ? !value : null;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and:
                return (InProduction(and.Left), InProduction(and.Right)) switch
                {
                    (false, _) or (_, false) => false,
                    (true, true) => true,
                    _ => null,
                };
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or:
                return (InProduction(or.Left), InProduction(or.Right)) switch
                {
                    (true, _) or (_, true) => true,
                    (false, false) => false,
                    _ => null,
                };
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison:
                var name = EnvironmentNameCompared(comparison.Left, comparison.Right) ?? EnvironmentNameCompared(comparison.Right, comparison.Left);
                if (name is null)
                {
                    return null;
                }

                var equal = IsProduction(name);
                return comparison.IsKind(SyntaxKind.EqualsExpression) ? equal : !equal;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation:
                return member.Name.Identifier.ValueText switch
                {
                    "IsDevelopment" or "IsStaging" when invocation.ArgumentList.Arguments.Count == 0 => false,
                    "IsProduction" when invocation.ArgumentList.Arguments.Count == 0 => true,
                    "IsEnvironment" when invocation.ArgumentList.Arguments.Count == 1 && EnvironmentName(invocation.ArgumentList.Arguments[0].Expression) is { } environment =>
                        IsProduction(environment),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>"Development" from x.EnvironmentName == "Development" (or Environments.Development).</summary>
    private static string? EnvironmentNameCompared(ExpressionSyntax property, ExpressionSyntax value) =>
        property is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnvironmentName" } ? EnvironmentName(value) : null;

    private static string? EnvironmentName(ExpressionSyntax value) =>
        value switch
        {
            LiteralExpressionSyntax { Token.Value: string text } => text,
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Environments" or "EnvironmentName" }, Name.Identifier.ValueText: var name } => name,
            _ => null,
        };

    private static bool IsProduction(string environment) => string.Equals(environment, "Production", StringComparison.OrdinalIgnoreCase);
}
