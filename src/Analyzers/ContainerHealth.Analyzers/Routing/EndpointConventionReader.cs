using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// The conventions (RequireAuthorization, AllowAnonymous, RequireHost, ShortCircuit, WithMetadata) chained on a mapping
/// call, or applied later to the local variable that holds its builder.
/// </summary>
internal sealed class EndpointConventionReader
{
    private const int MaxDepth = 16;

    private readonly WellKnownTypes types;

    public EndpointConventionReader(WellKnownTypes types)
    {
        this.types = types;
    }

    /// <summary>An extension call that hands back the builder it was called on (RequireAuthorization, WithName, UseRouting, ...).</summary>
    public static bool IsConventionCall(IInvocationOperation call) =>
        call.TargetMethod.IsExtensionMethod
        && call.Arguments.Length > 0
        && call.Arguments[0].Parameter is { Ordinal: 0 } parameter
        && call.Type is not null
        && SymbolEqualityComparer.Default.Equals(call.Type, parameter.Type);

    /// <summary>Conventions applied to an endpoint by the calls chained on it (or on the local it is stored in).</summary>
    public (EndpointConventions Conventions, IOperation Top) Above(IInvocationOperation invocation)
    {
        var conventions = EndpointConventions.None;
        IOperation top = invocation;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var parent = top.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation next } && IsConventionCall(next))
            {
                conventions = Apply(next, conventions);
                top = next;
                continue;
            }

            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                var stored = OfLocal(declarator.Symbol, declarator);
                conventions = stored.Within(conventions);
            }

            break;
        }

        return (conventions, top);
    }

    /// <summary>The conventions applied to a local builder anywhere in the body that declares it.</summary>
    public EndpointConventions OfLocal(ILocalSymbol local, IOperation anywhereInBody)
    {
        var conventions = EndpointConventions.None;
        foreach (var operation in anywhereInBody.Root().Descendants())
        {
            if (operation is IInvocationOperation call
                && IsConventionCall(call)
                && call.ThisArgument().Unwrap() is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                conventions = Apply(call, conventions);
            }
        }

        return conventions;
    }

    public EndpointConventions Apply(IInvocationOperation call, EndpointConventions conventions)
    {
        var containing = call.TargetMethod.ContainingType;
        switch (call.TargetMethod.Name)
        {
            case "RequireAuthorization" when WellKnownTypes.Is(containing, types.AuthorizationEndpointConventionBuilderExtensions):
                return conventions.WithAuthorization(call.Syntax.GetLocation(), "RequireAuthorization");
            case "AllowAnonymous" when WellKnownTypes.Is(containing, types.AuthorizationEndpointConventionBuilderExtensions):
                return conventions.WithAnonymous();
            case "RequireHost" when WellKnownTypes.Is(containing, types.RoutingEndpointConventionBuilderExtensions):
                return conventions.WithHosts(new HostRestriction(ConstantStrings(call.Argument("hosts")), call.Syntax.GetLocation()));
            case "ShortCircuit" when WellKnownTypes.Is(containing, types.RouteShortCircuitEndpointConventionBuilderExtensions):
                return conventions.WithShortCircuit();
            case "WithMetadata" when WellKnownTypes.Is(containing, types.RoutingEndpointConventionBuilderExtensions):
                var items = call.Argument("items").Elements();
                foreach (var item in items.IsDefault ? ImmutableArray<IOperation>.Empty : items)
                {
                    if (item.Unwrap() is IObjectCreationOperation creation)
                    {
                        if (WellKnownTypes.Implements(creation.Type, types.AllowAnonymous))
                        {
                            conventions = conventions.WithAnonymous();
                        }
                        else if (WellKnownTypes.Implements(creation.Type, types.AuthorizeData))
                        {
                            conventions = conventions.WithAuthorization(call.Syntax.GetLocation(), "WithMetadata(new AuthorizeAttribute())");
                        }
                    }
                }

                return conventions;
            default:
                return conventions;
        }
    }

    /// <summary>Constant strings of an array or collection argument; HttpMethods.Get and friends read by field name.</summary>
    public ImmutableArray<string> ConstantStrings(IOperation? value)
    {
        var elements = value.Elements();
        if (elements.IsDefault)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var element in elements)
        {
            var text = element.ConstantString() ?? HttpMethodField(element);
            if (text is null)
            {
                return default;
            }

            builder.Add(text);
        }

        return builder.ToImmutable();
    }

    /// <summary>HttpMethods.Get and friends are static readonly, not const: read the field name.</summary>
    private string? HttpMethodField(IOperation? value) =>
        value.Unwrap() is IFieldReferenceOperation { Field: var field } && WellKnownTypes.Is(field.ContainingType, types.HttpMethods)
            ? field.Name.ToUpperInvariant()
            : null;
}
