using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Internals;
using ContainerHealth.Analyzers.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Ports;

/// <summary>
/// Where the code pins the app's address, overriding ASPNETCORE_HTTP_PORTS (what the .NET images and the container
/// check agree on): UseUrls, app.Urls.Add, app.Run(url), and KestrelServerOptions.Listen* (in UseKestrel or
/// ConfigureKestrel). Calls the container never runs (IsDevelopment(), #if DEBUG) do not count.
/// </summary>
internal sealed class PinnedAddressReader
{
    private readonly WellKnownTypes types;
    private readonly ConcurrentQueue<PinnedAddress> pinned = new();

    public PinnedAddressReader(WellKnownTypes types)
    {
        this.types = types;
    }

    public ImmutableArray<PinnedAddress> Pinned => pinned.ToImmutableArray();

    /// <summary>A framework call by name; false when it is none of the address setters.</summary>
    public bool Record(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "UseUrls" when method.ContainingType?.Name == "HostingAbstractionsWebHostBuilderExtensions":
                var urls = invocation.Argument("urls");
                var elements = urls.Elements();
                if (elements.IsDefault)
                {
                    Add(null, "UseUrls", invocation);
                }
                else
                {
                    foreach (var element in elements)
                    {
                        AddUrls(element.ConstantString(), "UseUrls", invocation);
                    }
                }

                return true;
            case "Run" or "RunAsync" when WellKnownTypes.Is(method.ContainingType, types.WebApplication):
                if (invocation.Argument("url") is { } url && !url.IsNullConstant() && !(url is IConversionOperation { Operand: var operand } && operand.IsNullConstant()))
                {
                    AddUrls(url.ConstantString(), "app." + method.Name, invocation);
                }

                return true;
            case "Add" when invocation.Instance.Unwrap() is IPropertyReferenceOperation { Property.Name: "Urls" } urlsProperty
                && WellKnownTypes.Is(urlsProperty.Property.ContainingType, types.WebApplication):
                AddUrls(invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value.ConstantString() : null, "app.Urls.Add", invocation);
                return true;
            case "Listen" or "ListenAnyIP" or "ListenLocalhost" when method.ContainingType?.Name == "KestrelServerOptions":
                Add(invocation.Argument("port").ConstantInt(), method.Name, invocation);
                return true;
            default:
                return false;
        }
    }

    private void AddUrls(string? urls, string source, IInvocationOperation invocation)
    {
        if (urls is null)
        {
            Add(null, source, invocation);
            return;
        }

        foreach (var url in urls.Split(';'))
        {
            if (url.Trim().Length > 0)
            {
                Add(PortOf(url.Trim()), source, invocation);
            }
        }
    }

    private void Add(int? port, string source, IInvocationOperation invocation)
    {
        if (EnvironmentCondition.SkippedInProduction(invocation.Syntax) is null)
        {
            pinned.Enqueue(new PinnedAddress(port, source, invocation.Syntax.GetLocation()));
        }
    }

    /// <summary>The port of http://+:5000, http://*:5000, http://[::]:5000, http://localhost (80); null when it is not a URL.</summary>
    internal static int? PortOf(string url)
    {
        var scheme = url.IndexOf("://", System.StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var authority = url.Substring(scheme + 3);
        var slash = authority.IndexOf('/');
        if (slash >= 0)
        {
            authority = authority.Substring(0, slash);
        }

        var bracket = authority.LastIndexOf(']');
        var colon = authority.LastIndexOf(':');
        if (colon > bracket)
        {
            return int.TryParse(authority.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
        }

        return url.StartsWith("https", System.StringComparison.OrdinalIgnoreCase) ? 443 : 80;
    }
}
