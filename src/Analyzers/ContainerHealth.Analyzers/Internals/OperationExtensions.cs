using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Internals;

/// <summary>Reading arguments and constants out of IOperation trees, conversions and parentheses looked through.</summary>
internal static class OperationExtensions
{
    /// <summary>The receiver of a call: the instance, or the first argument of an extension method.</summary>
    public static IOperation? ThisArgument(this IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0
            ? invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == 0)?.Value
            : null);

    /// <summary>The value passed for a parameter; null when the caller left it at its default.</summary>
    public static IOperation? Argument(this IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
            }
        }

        return null;
    }

    /// <summary>A constant string, also through an implicit conversion to PathString / RoutePattern (new PathString("/x")).</summary>
    public static string? ConstantString(this IOperation? value)
    {
        value = value.Unwrap();
        if (value is IObjectCreationOperation { Arguments.Length: 1 } creation)
        {
            value = creation.Arguments[0].Value.Unwrap();
        }

        return value is { ConstantValue: { HasValue: true, Value: string text } } ? text : null;
    }

    /// <summary>A constant int (a port).</summary>
    public static int? ConstantInt(this IOperation? value) =>
        value.Unwrap() is { ConstantValue: { HasValue: true, Value: int number } } ? number : null;

    public static ImmutableArray<IOperation> Elements(this IOperation? value) =>
        value.Unwrap() switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            IObjectCreationOperation { Initializer: { } initializer } when initializer.Initializers.All(element => element is IInvocationOperation { Arguments.Length: 1 }) =>
                initializer.Initializers.Select(element => ((IInvocationOperation)element).Arguments[0].Value).ToImmutableArray(),
            _ => default,
        };

    public static bool IsNullConstant(this IOperation value) =>
        value.Unwrap() is { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>The root of the operation tree <paramref name="operation"/> belongs to: the method body (or field initializer) around it.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    public static IOperation? Unwrap(this IOperation? value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion when conversion.ConstantValue is not { HasValue: true }:
                    value = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    break;
                default:
                    return value;
            }
        }
    }
}
