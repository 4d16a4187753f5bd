using System.Collections.Concurrent;
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
    private readonly ConcurrentQueue<WrapperCall> calls = new();

    public RouteWrappers(Compilation compilation)
    {
        this.compilation = compilation;
    }

    /// <summary>A call of this compilation's method that takes a builder: what it passes for its builders and strings.</summary>
    public void Record(IMethodSymbol method, BuilderOrigin?[] builders, string?[] strings) => calls.Enqueue(new WrapperCall(method, builders, strings));

    /// <summary>The pattern is a string parameter of a method of this compilation: a route wrapper, judged where it is called.</summary>
    public BuilderParameter? PatternParameter(IOperation? argument) =>
        argument.Unwrap() is IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_String } parameter }
        && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
        && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
            ? new BuilderParameter(method, parameter.Ordinal)
            : null;

    /// <summary>Each route wrapper's mapping once per call of the wrapper, with that call's pattern; none when nobody calls it.</summary>
    public List<MappedEndpoint> AtCalls(List<MappedEndpoint> mapped)
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
                if (!SymbolEqualityComparer.Default.Equals(call.Method, pattern.Method))
                {
                    continue;
                }

                // The builder the mapping is made on is the wrapper's own parameter: place it under what this call passes.
                var origin = endpoint.Origin.Parameter is { } builder && SymbolEqualityComparer.Default.Equals(builder.Method, pattern.Method)
                    ? call.Builders[builder.Ordinal] is { } passed ? endpoint.Origin.Under(passed) : BuilderOrigin.Unknown
                    : endpoint.Origin;
                placed.Add(endpoint.AtCall(call.Strings[pattern.Ordinal], origin));
            }
        }

        return placed;
    }

    /// <summary>A call of this compilation's method that takes a builder and strings: what it passes for each (a route wrapper's pattern).</summary>
    private sealed class WrapperCall
    {
        public WrapperCall(IMethodSymbol method, BuilderOrigin?[] builders, string?[] strings)
        {
            Method = method.OriginalDefinition;
            Builders = builders;
            Strings = strings;
        }

        public IMethodSymbol Method { get; }

        public BuilderOrigin?[] Builders { get; }

        /// <summary>The constant passed for each string parameter (the default value where the call omits it); null otherwise.</summary>
        public string?[] Strings { get; }
    }
}
