using System.Collections.Generic;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// Inline middleware that answers a path itself: app.Use(async (context, next) => { if (context.Request.Path ==
/// "/healthz") ... }) or Request.Path.StartsWithSegments("/healthz"). The paths it tests count as mapped.
/// </summary>
internal sealed class InlineMiddlewareReader
{
    private readonly WellKnownTypes types;

    public InlineMiddlewareReader(WellKnownTypes types)
    {
        this.types = types;
    }

    public IEnumerable<string> AnsweredPaths(IInvocationOperation use)
    {
        foreach (var argument in use.Arguments)
        {
            if (argument.Value.Unwrap() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                continue;
            }

            foreach (var operation in lambda.Body.Descendants())
            {
                switch (operation)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison
                        when IsRequestPath(comparison.LeftOperand) && comparison.RightOperand.ConstantString() is { } right:
                        yield return right;
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } comparison
                        when IsRequestPath(comparison.RightOperand) && comparison.LeftOperand.ConstantString() is { } left:
                        yield return left;
                        break;
                    case IInvocationOperation { TargetMethod.Name: "StartsWithSegments" or "Equals" } test
                        when IsRequestPath(test.Instance) && test.Arguments.Length > 0 && test.Arguments[0].Value.ConstantString() is { } path:
                        yield return path;
                        break;
                }
            }
        }
    }

    /// <summary>context.Request.Path, or its .Value.</summary>
    private bool IsRequestPath(IOperation? value)
    {
        value = value.Unwrap();
        if (value is IPropertyReferenceOperation { Property.Name: "Value", Instance: var instance } && WellKnownTypes.Is(value.Type is null ? null : instance?.Type, types.PathString))
        {
            value = instance.Unwrap();
        }

        return value is IPropertyReferenceOperation { Property.Name: "Path" } property
            && WellKnownTypes.Implements(property.Property.ContainingType, types.HttpRequest);
    }
}
