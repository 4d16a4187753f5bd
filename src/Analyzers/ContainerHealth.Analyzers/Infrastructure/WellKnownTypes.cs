using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Infrastructure;

/// <summary>The ASP.NET Core symbols the rules match against, resolved once per compilation.</summary>
internal sealed class WellKnownTypes
{
    /// <summary>Without these the compilation is not an ASP.NET Core app and every rule is off.</summary>
    public static readonly ImmutableArray<string> Required = ImmutableArray.Create(
        "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder",
        "Microsoft.AspNetCore.Builder.IApplicationBuilder",
        "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");

    /// <summary>
    /// Every type the rules use, with the reference assembly that defines it in ASP.NET Core: looked up there first (a
    /// lookup in one assembly is ~30 times cheaper than in the whole compilation), elsewhere only when it is not there.
    /// </summary>
    public static readonly ImmutableDictionary<string, string> All = new Dictionary<string, string>
    {
        ["Microsoft.AspNetCore.Routing.IEndpointRouteBuilder"] = "Microsoft.AspNetCore.Routing",
        ["Microsoft.AspNetCore.Builder.IApplicationBuilder"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions"] = "Microsoft.AspNetCore.Routing",
        ["Microsoft.AspNetCore.Builder.WebApplication"] = "Microsoft.AspNetCore",
        ["Microsoft.AspNetCore.Builder.WebApplicationBuilder"] = "Microsoft.AspNetCore",
        ["Microsoft.AspNetCore.Builder.HealthCheckEndpointRouteBuilderExtensions"] = "Microsoft.AspNetCore.Diagnostics.HealthChecks",
        ["Microsoft.AspNetCore.Builder.HealthCheckApplicationBuilderExtensions"] = "Microsoft.AspNetCore.Diagnostics.HealthChecks",
        ["Microsoft.Extensions.DependencyInjection.HealthCheckServiceCollectionExtensions"] = "Microsoft.Extensions.Diagnostics.HealthChecks",
        ["Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions"] = "Microsoft.AspNetCore.Authorization.Policy",
        ["Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions"] = "Microsoft.AspNetCore.Routing",
        ["Microsoft.AspNetCore.Builder.RouteShortCircuitEndpointConventionBuilderExtensions"] = "Microsoft.AspNetCore.Routing",
        ["Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions"] = "Microsoft.AspNetCore.Routing",
        ["Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Builder.MapExtensions"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Builder.MapWhenExtensions"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Builder.RunExtensions"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Authorization.AuthorizationOptions"] = "Microsoft.AspNetCore.Authorization",
        ["Microsoft.AspNetCore.Authorization.AuthorizationBuilder"] = "Microsoft.AspNetCore.Authorization",
        ["Microsoft.AspNetCore.Authorization.IAuthorizeData"] = "Microsoft.AspNetCore.Metadata",
        ["Microsoft.AspNetCore.Authorization.IAllowAnonymous"] = "Microsoft.AspNetCore.Metadata",
        ["Microsoft.AspNetCore.Mvc.ControllerBase"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ControllerAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.NonControllerAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.NonActionAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.ActionNameAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.HttpGetAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Routing.HostAttribute"] = "Microsoft.AspNetCore.Routing",
        ["Microsoft.AspNetCore.Http.HttpMethods"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.Extensions.Hosting.IHostBuilder"] = "Microsoft.Extensions.Hosting.Abstractions",
        ["Microsoft.AspNetCore.Hosting.IWebHostBuilder"] = "Microsoft.AspNetCore.Hosting.Abstractions",
        ["Microsoft.Extensions.DependencyInjection.IServiceCollection"] = "Microsoft.Extensions.DependencyInjection.Abstractions",
        ["Microsoft.Extensions.Hosting.IHostApplicationBuilder"] = "Microsoft.Extensions.Hosting.Abstractions",
        ["Microsoft.AspNetCore.Builder.UseExtensions"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter"] = "Microsoft.AspNetCore.Mvc.Core",
        ["Microsoft.AspNetCore.Authentication.AuthenticationBuilder"] = "Microsoft.AspNetCore.Authentication",
        ["Microsoft.AspNetCore.Http.HttpRequest"] = "Microsoft.AspNetCore.Http.Abstractions",
        ["Microsoft.AspNetCore.Http.PathString"] = "Microsoft.AspNetCore.Http.Abstractions",
    }.ToImmutableDictionary();

    private readonly Compilation compilation;
    private readonly Dictionary<string, IAssemblySymbol> assemblies;

    private WellKnownTypes(Compilation compilation, Dictionary<string, IAssemblySymbol> assemblies)
    {
        this.compilation = compilation;
        this.assemblies = assemblies;
        EndpointRouteBuilder = Get("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder")!;
        ApplicationBuilder = Get("Microsoft.AspNetCore.Builder.IApplicationBuilder")!;
        EndpointRouteBuilderExtensions = Get("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions")!;
        WebApplication = Get("Microsoft.AspNetCore.Builder.WebApplication");
        WebApplicationBuilder = Get("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        HealthCheckEndpointRouteBuilderExtensions = Get("Microsoft.AspNetCore.Builder.HealthCheckEndpointRouteBuilderExtensions");
        HealthCheckApplicationBuilderExtensions = Get("Microsoft.AspNetCore.Builder.HealthCheckApplicationBuilderExtensions");
        HealthCheckServiceCollectionExtensions = Get("Microsoft.Extensions.DependencyInjection.HealthCheckServiceCollectionExtensions");
        AuthorizationEndpointConventionBuilderExtensions = Get("Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");
        RoutingEndpointConventionBuilderExtensions = Get("Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions");
        RouteShortCircuitEndpointConventionBuilderExtensions = Get("Microsoft.AspNetCore.Builder.RouteShortCircuitEndpointConventionBuilderExtensions");
        EndpointRoutingApplicationBuilderExtensions = Get("Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions");
        ControllerEndpointRouteBuilderExtensions = Get("Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions");
        MapExtensions = Get("Microsoft.AspNetCore.Builder.MapExtensions");
        MapWhenExtensions = Get("Microsoft.AspNetCore.Builder.MapWhenExtensions");
        RunExtensions = Get("Microsoft.AspNetCore.Builder.RunExtensions");
        AuthorizationOptions = Get("Microsoft.AspNetCore.Authorization.AuthorizationOptions");
        AuthorizationBuilder = Get("Microsoft.AspNetCore.Authorization.AuthorizationBuilder");
        AuthorizeData = Get("Microsoft.AspNetCore.Authorization.IAuthorizeData");
        AllowAnonymous = Get("Microsoft.AspNetCore.Authorization.IAllowAnonymous");
        ControllerBase = Get("Microsoft.AspNetCore.Mvc.ControllerBase");
        ControllerAttribute = Get("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = Get("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        NonActionAttribute = Get("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        ActionNameAttribute = Get("Microsoft.AspNetCore.Mvc.ActionNameAttribute");
        RouteTemplateProvider = Get("Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider");
        HttpMethodAttribute = Get("Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
        HttpGetAttribute = Get("Microsoft.AspNetCore.Mvc.HttpGetAttribute");
        AcceptVerbsAttribute = Get("Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute");
        HostAttribute = Get("Microsoft.AspNetCore.Routing.HostAttribute");
        HttpMethods = Get("Microsoft.AspNetCore.Http.HttpMethods");
        HostBuilder = Get("Microsoft.Extensions.Hosting.IHostBuilder");
        WebHostBuilder = Get("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
        ServiceCollection = Get("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        HostApplicationBuilder = Get("Microsoft.Extensions.Hosting.IHostApplicationBuilder");
        PathString = Get("Microsoft.AspNetCore.Http.PathString");
        HttpRequest = Get("Microsoft.AspNetCore.Http.HttpRequest");
        AuthenticationBuilder = Get("Microsoft.AspNetCore.Authentication.AuthenticationBuilder");
        AuthorizeFilter = Get("Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter");
        UseExtensions = Get("Microsoft.AspNetCore.Builder.UseExtensions");
    }

    public INamedTypeSymbol EndpointRouteBuilder { get; }
    public INamedTypeSymbol ApplicationBuilder { get; }
    public INamedTypeSymbol EndpointRouteBuilderExtensions { get; }
    public INamedTypeSymbol? WebApplication { get; }
    public INamedTypeSymbol? WebApplicationBuilder { get; }
    public INamedTypeSymbol? HealthCheckEndpointRouteBuilderExtensions { get; }
    public INamedTypeSymbol? HealthCheckApplicationBuilderExtensions { get; }
    public INamedTypeSymbol? HealthCheckServiceCollectionExtensions { get; }
    public INamedTypeSymbol? AuthorizationEndpointConventionBuilderExtensions { get; }
    public INamedTypeSymbol? RoutingEndpointConventionBuilderExtensions { get; }
    public INamedTypeSymbol? RouteShortCircuitEndpointConventionBuilderExtensions { get; }
    public INamedTypeSymbol? EndpointRoutingApplicationBuilderExtensions { get; }
    public INamedTypeSymbol? ControllerEndpointRouteBuilderExtensions { get; }
    public INamedTypeSymbol? MapExtensions { get; }
    public INamedTypeSymbol? MapWhenExtensions { get; }
    public INamedTypeSymbol? RunExtensions { get; }
    public INamedTypeSymbol? AuthorizationOptions { get; }
    public INamedTypeSymbol? AuthorizationBuilder { get; }
    public INamedTypeSymbol? AuthorizeData { get; }
    public INamedTypeSymbol? AllowAnonymous { get; }
    public INamedTypeSymbol? ControllerBase { get; }
    public INamedTypeSymbol? ControllerAttribute { get; }
    public INamedTypeSymbol? NonControllerAttribute { get; }
    public INamedTypeSymbol? NonActionAttribute { get; }
    public INamedTypeSymbol? ActionNameAttribute { get; }
    public INamedTypeSymbol? RouteTemplateProvider { get; }
    public INamedTypeSymbol? HttpMethodAttribute { get; }
    public INamedTypeSymbol? HttpGetAttribute { get; }
    public INamedTypeSymbol? AcceptVerbsAttribute { get; }
    public INamedTypeSymbol? HostAttribute { get; }
    public INamedTypeSymbol? HttpMethods { get; }
    public INamedTypeSymbol? HostBuilder { get; }
    public INamedTypeSymbol? WebHostBuilder { get; }
    public INamedTypeSymbol? ServiceCollection { get; }
    public INamedTypeSymbol? HostApplicationBuilder { get; }
    public INamedTypeSymbol? PathString { get; }
    public INamedTypeSymbol? HttpRequest { get; }
    public INamedTypeSymbol? AuthenticationBuilder { get; }
    public INamedTypeSymbol? AuthorizeFilter { get; }
    public INamedTypeSymbol? UseExtensions { get; }

    /// <summary>Null when the compilation is not an ASP.NET Core app.</summary>
    public static WellKnownTypes? TryCreate(Compilation compilation)
    {
        var assemblies = new Dictionary<string, IAssemblySymbol>();
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && !assemblies.ContainsKey(assembly.Name))
            {
                assemblies.Add(assembly.Name, assembly);
            }
        }

        foreach (var name in Required)
        {
            if (Resolve(compilation, assemblies, name) is null)
            {
                return null;
            }
        }

        return new WellKnownTypes(compilation, assemblies);
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

    public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (type is null || expected is null)
        {
            return false;
        }

        if (Is(type, expected))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (Is(candidate, expected))
            {
                return true;
            }
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (Is(current, expected))
            {
                return true;
            }
        }

        return false;
    }

    private INamedTypeSymbol? Get(string metadataName) => Resolve(compilation, assemblies, metadataName);

    private static INamedTypeSymbol? Resolve(Compilation compilation, Dictionary<string, IAssemblySymbol> assemblies, string metadataName) =>
        All.TryGetValue(metadataName, out var home)
            && assemblies.TryGetValue(home, out var assembly)
            && FrameworkAssembly.Is(assembly)
            && assembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type
                ? type
                : Resolve(compilation, metadataName);

    /// <summary>
    /// As ASP.NET Core's own analyzers resolve: GetTypeByMetadataName returns null when two references define the
    /// name (a polyfill, a copied type), so look at every candidate and prefer the framework's.
    /// </summary>
    private static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is { } unique)
        {
            return unique;
        }

        INamedTypeSymbol? accessible = null;
        foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
        {
            if (FrameworkAssembly.Is(candidate.ContainingAssembly))
            {
                return candidate;
            }

            accessible ??= candidate.DeclaredAccessibility == Accessibility.Public ? candidate : null;
        }

        return accessible;
    }
}
