using System.Collections.Generic;
using System.Linq;
using ContainerHealth.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// Route wrappers: methods of this compilation that map a route whose pattern is one of their string parameters
/// (<c>MapGet(this IEndpointRouteBuilder b, Delegate h, string pattern = "")</c>). Their mappings count where the
/// wrapper is called, with that call's pattern and builder, and not at all when nobody calls it.
/// </summary>
internal sealed class RouteWrappers
{
    private readonly Compilation compilation;

    public RouteWrappers(Compilation compilation)
    {
        this.compilation = compilation;
    }

    /// <summary>The pattern is a string parameter of a method of this compilation: a route wrapper, judged where it is called.</summary>
    public BuilderParameter? PatternParameter(IOperation? argument) =>
        argument.Unwrap() is IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_String } parameter }
        && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
        && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
            ? new BuilderParameter(method, parameter.Ordinal)
            : null;

    /// <summary>Each route wrapper's mapping once per call of the wrapper, with that call's pattern; none when nobody calls it.</summary>
    public static List<MappedEndpoint> AtCalls(List<MappedEndpoint> mapped, IEnumerable<SourceCall> calls)
    {
        if (!mapped.Any(endpoint => endpoint.TemplateParameter is not null))
        {
            return mapped;
        }

        var placed = new List<MappedEndpoint>();
        foreach (var endpoint in mapped)
        {
            if (endpoint.TemplateParameter is not { } pattern)
            {
                placed.Add(endpoint);
                continue;
            }

            foreach (var call in calls)
            {
                if (call.Strings is not { } strings || !SymbolEqualityComparer.Default.Equals(call.Method, pattern.Method))
                {
                    continue;
                }

                // The builder the mapping is made on is the wrapper's own parameter: place it under what this call passes.
                var origin = endpoint.Origin.Parameter is { } builder && SymbolEqualityComparer.Default.Equals(builder.Method, pattern.Method)
                    ? call.Builders[builder.Ordinal] is { } passed ? endpoint.Origin.Under(passed) : BuilderOrigin.Unknown
                    : endpoint.Origin;
                placed.Add(endpoint.AtCall(strings[pattern.Ordinal], origin));
            }
        }

        return placed;
    }
}
