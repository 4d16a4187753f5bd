using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ContainerHealth.Analyzers.Configuration;

/// <summary>
/// A mapping under <c>if (configuration.GetValue&lt;bool&gt;("Key"))</c>, judged by the value the app reads in
/// Production from its appsettings files: a key set nowhere is off in Production unless the environment sets it.
/// </summary>
internal sealed class ConfigurationGate
{
    public const string UnsetReason = "off in Production unless the environment sets it";

    private ConfigurationGate(string key, string reason)
    {
        Key = key;
        Reason = reason;
    }

    public string Key { get; }

    /// <summary>Why it is off: "off in Production unless the environment sets it", or what the files set.</summary>
    public string Reason { get; }

    /// <summary>The condition as the rules name it where a mapping is not in Production (CH0006's "mapped only when ...").</summary>
    public string Describe() => "configuration '" + Key + "' is true (" + Reason + ")";

    /// <summary>The gate that keeps <paramref name="node"/> from running in Production; null when none does (or it is on).</summary>
    public static ConfigurationGate? OffInProduction(SyntaxNode node, ProductionSettings settings)
    {
        if (!settings.Known)
        {
            return null;
        }

        for (SyntaxNode child = node, parent = node.Parent!; parent is not null; child = parent, parent = parent.Parent!)
        {
            switch (parent)
            {
                case IfStatementSyntax statement when child == statement.Statement && Evaluate(statement.Condition, settings) is { On: false } gate:
                    return gate.Gate;
                case ElseClauseSyntax { Parent: IfStatementSyntax statement } when Evaluate(statement.Condition, settings) is { On: true } gate:
                    return gate.Gate;
                case MemberDeclarationSyntax and not GlobalStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    private static (bool On, ConfigurationGate Gate)? Evaluate(ExpressionSyntax condition, ProductionSettings settings)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, settings);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Evaluate(not.Operand, settings) is { } inner ? (!inner.On, inner.Gate) : null;
            case InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "GetValue", TypeArgumentList.Arguments: { Count: 1 } typeArguments } },
                ArgumentList.Arguments: { Count: 1 or 2 } arguments,
            } when typeArguments[0] is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.BoolKeyword }
                && arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string key }:
                var value = settings.Value(key);
                if (value is null)
                {
                    var fallback = arguments.Count == 2 && arguments[1].Expression.IsKind(SyntaxKind.TrueLiteralExpression);
                    return (fallback, new ConfigurationGate(key, UnsetReason));
                }

                var on = string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
                return (on, new ConfigurationGate(key, "the appsettings files set it to '" + value + "'"));
            default:
                return null;
        }
    }
}
