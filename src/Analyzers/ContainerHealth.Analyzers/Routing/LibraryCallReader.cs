using System.Collections.Generic;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// What a call into a referenced (non-framework) assembly may do to the app: handed the route builder it may map any
/// path, handed the services or the host builder it may call AddHealthChecks(). When the package handed us the
/// referenced project's sources, the method's body says exactly what it maps (and under which condition); otherwise the
/// assembly's references say what it cannot do (no health-check assembly: it cannot map or register health checks).
/// </summary>
internal sealed class LibraryCallReader
{
    public const string HealthChecksAssembly = "Microsoft.AspNetCore.Diagnostics.HealthChecks";
    public const string HealthChecksServicesAssembly = "Microsoft.Extensions.Diagnostics.HealthChecks";

    private readonly BuilderRoleCache roles;
    private readonly ReferencedSources sources;

    public LibraryCallReader(BuilderRoleCache roles, ReferencedSources sources)
    {
        this.roles = roles;
        this.sources = sources;
    }

    public LibraryCall Read(IInvocationOperation invocation, System.Func<IOperation?, BuilderOrigin> resolve)
    {
        var method = invocation.TargetMethod;
        var parameterRoles = roles.OfParameters(method);
        if (parameterRoles == BuilderRoles.None)
        {
            return LibraryCall.None;
        }

        var library = method.ContainingAssembly;
        var declaration = sources.Find(method);
        var registers = (parameterRoles & (BuilderRoles.ServiceCollection | BuilderRoles.HostApplicationBuilder)) != 0
            && MayCall(library, declaration, HealthChecksServicesAssembly, "AddHealthChecks");
        if ((parameterRoles & (BuilderRoles.EndpointRouteBuilder | BuilderRoles.ApplicationBuilder)) == 0)
        {
            return new LibraryCall(registers, new List<MappedEndpoint>(), pendingMiddleware: false);
        }

        var builderArgument = invocation.Arguments.FirstOrDefault(argument => argument.Parameter is { } parameter && roles.IsRouteBuilder(parameter.Type));
        var location = invocation.Syntax.GetLocation();
        var origin = resolve(builderArgument?.Value);
        if (declaration is not null && builderArgument?.Parameter is { } builderParameter)
        {
            var read = ReadSource(declaration, builderParameter.Name, origin, location, library.Name);
            if (read is not null)
            {
                return new LibraryCall(registers, read, pendingMiddleware: false);
            }
        }

        var mapsHealthChecks = MayCall(library, declaration, HealthChecksAssembly, "MapHealthChecks", "UseHealthChecks");
        var unknown = new MappedEndpoint(
            EndpointKind.AnyPath, BuilderOrigin.Unknown, null, EndpointConventions.None, location, null,
            new EndpointFacts(null, null, false, fromLibraryWithoutHealthChecks: !mapsHealthChecks, library: null));
        var endpointBuilder = (parameterRoles & BuilderRoles.EndpointRouteBuilder) != 0;

        // Middleware libraries (Swagger UI, logging, ...) take an IApplicationBuilder too: only one that can map health
        // checks, or one whose types the app's own classes extend (an endpoint framework), may answer the probe.
        return endpointBuilder || mapsHealthChecks
            ? new LibraryCall(registers, new List<MappedEndpoint> { unknown }, pendingMiddleware: false)
            : new LibraryCall(registers, new List<MappedEndpoint> { unknown }, pendingMiddleware: true);
    }

    /// <summary>
    /// Whether a library may call a health-check API: its source file says so when we have it; a reference assembly
    /// (what a ProjectReference compiles against) lists only what its signatures need, so it tells nothing; a full
    /// assembly (a package) can call only what it references.
    /// </summary>
    private static bool MayCall(IAssemblySymbol library, MethodDeclarationSyntax? declaration, string assembly, params string[] methods)
    {
        if (declaration is not null)
        {
            var text = declaration.SyntaxTree.GetText().ToString();
            return methods.Any(name => text.IndexOf(name, System.StringComparison.Ordinal) >= 0);
        }

        return IsReferenceAssembly(library) || FrameworkAssembly.References(library, assembly);
    }

    private static bool IsReferenceAssembly(IAssemblySymbol library) =>
        library.GetAttributes().Any(attribute => attribute.AttributeClass is { Name: "ReferenceAssemblyAttribute", ContainingNamespace.Name: "CompilerServices" });

    /// <summary>
    /// The mappings of a referenced project's method, read from its syntax: Map/UseHealthChecks and MapGet with a literal
    /// path on the builder parameter, each with the environment condition around it. Null when it maps something else
    /// (other Map*/Use*/Run calls, another builder): then it stays unknown.
    /// </summary>
    private static List<MappedEndpoint>? ReadSource(MethodDeclarationSyntax declaration, string builderName, BuilderOrigin origin, Location location, string library)
    {
        var endpoints = new List<MappedEndpoint>();
        var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
        if (body is null)
        {
            return null;
        }

        foreach (var call in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax member)
            {
                continue;
            }

            var name = member.Name.Identifier.ValueText;
            EndpointKind kind;
            switch (name)
            {
                case "MapHealthChecks":
                    kind = EndpointKind.HealthChecks;
                    break;
                case "UseHealthChecks":
                    kind = EndpointKind.HealthChecksMiddleware;
                    break;
                case "MapGet":
                    kind = EndpointKind.Get;
                    break;
                case "Run":
                case var other when other.StartsWith("Map", System.StringComparison.Ordinal) || other.StartsWith("Use", System.StringComparison.Ordinal):
                    return null;
                default:
                    continue;
            }

            if (member.Expression is not IdentifierNameSyntax { Identifier.ValueText: var receiver } || receiver != builderName
                || call.ArgumentList.Arguments.Count == 0
                || call.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax { Token.Value: string template })
            {
                return null;
            }

            var condition = EnvironmentCondition.SkippedInProduction(call);
            endpoints.Add(new MappedEndpoint(
                kind, origin, template, EndpointConventions.None, location, location,
                new EndpointFacts(condition is null ? null : condition + " in " + library, null, false, false, library)));
        }

        return endpoints;
    }
}

/// <summary>What one library call contributes: a health-check registration, mappings, or a middleware call to decide at the end.</summary>
internal sealed class LibraryCall
{
    public static readonly LibraryCall None = new(false, new List<MappedEndpoint>(), false);

    public LibraryCall(bool registersHealthChecks, List<MappedEndpoint> endpoints, bool pendingMiddleware)
    {
        RegistersHealthChecks = registersHealthChecks;
        Endpoints = endpoints;
        PendingMiddleware = pendingMiddleware;
    }

    public bool RegistersHealthChecks { get; }

    public List<MappedEndpoint> Endpoints { get; }

    /// <summary>An IApplicationBuilder call that counts only if the app's own types extend the library (decided at compilation end).</summary>
    public bool PendingMiddleware { get; }
}
