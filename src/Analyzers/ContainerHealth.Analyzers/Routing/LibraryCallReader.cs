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

    /// <summary>What the app hands a library method; null when it hands it no builder. Reads nothing yet: see <see cref="Effect"/>.</summary>
    public LibraryCall? Describe(IInvocationOperation invocation, System.Func<IOperation?, BuilderOrigin> resolve)
    {
        var method = invocation.TargetMethod;
        var parameterRoles = roles.OfParameters(method);
        if (parameterRoles == BuilderRoles.None)
        {
            return null;
        }

        var builderArgument = (parameterRoles & (BuilderRoles.EndpointRouteBuilder | BuilderRoles.ApplicationBuilder)) == 0
            ? null
            : invocation.Arguments.FirstOrDefault(argument => argument.Parameter is { } parameter && roles.IsRouteBuilder(parameter.Type));
        return new LibraryCall(
            method,
            parameterRoles,
            builderArgument?.Parameter?.Name,
            builderArgument is null ? BuilderOrigin.Unknown : resolve(builderArgument.Value),
            invocation.Syntax.GetLocation(),
            EnvironmentCondition.SkippedInProduction(invocation.Syntax));
    }

    /// <summary>
    /// What the call does to the app. With <paramref name="readSources"/> the referenced project's method body is read
    /// when the package handed its sources over (parsing them costs about what compiling them does, so the collector
    /// asks only when the app's own code leaves the verdict open).
    /// </summary>
    public LibraryCallEffect Effect(LibraryCall call, bool readSources)
    {
        var library = call.Method.ContainingAssembly;
        var declaration = readSources ? sources.Find(call.Method) : null;
        var registers = (call.Roles & (BuilderRoles.ServiceCollection | BuilderRoles.HostApplicationBuilder)) != 0
            && MayCall(library, declaration, HealthChecksServicesAssembly, "AddHealthChecks");
        if (call.BuilderParameterName is null)
        {
            return new LibraryCallEffect(registers, new List<MappedEndpoint>(), pendingMiddleware: false);
        }

        if (declaration is not null && ReadSource(declaration, call.BuilderParameterName, call.Origin, call.Location, library.Name) is { } read)
        {
            return new LibraryCallEffect(registers, read.Select(endpoint => call.Placed(endpoint)).ToList(), pendingMiddleware: false);
        }

        var mapsHealthChecks = MayCall(library, declaration, HealthChecksAssembly, "MapHealthChecks", "UseHealthChecks");
        var unknown = call.Placed(new MappedEndpoint(
            EndpointKind.AnyPath, BuilderOrigin.Unknown, null, EndpointConventions.None, call.Location, null,
            new EndpointFacts(null, null, false, fromLibraryWithoutHealthChecks: !mapsHealthChecks, library: null, libraryAssembly: library)));

        // Middleware libraries (Swagger UI, logging, ...) take an IApplicationBuilder too: only one that can map health
        // checks, or one whose types the app's own classes extend (an endpoint framework), may answer the probe.
        var endpointBuilder = (call.Roles & BuilderRoles.EndpointRouteBuilder) != 0;
        return new LibraryCallEffect(registers, new List<MappedEndpoint> { unknown }, pendingMiddleware: !endpointBuilder && !mapsHealthChecks);
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
    /// The mappings of a referenced project's method, read from its syntax: Map/UseHealthChecks and MapGet with a constant
    /// path (a literal or a const of its class) on the builder parameter or on a constant MapGroup of it (Aspire's
    /// <c>var healthChecks = app.MapGroup("")</c>), each with the environment condition around it. Null when it maps
    /// something else (other Map*/Use*/Run calls, another builder): then it stays unknown.
    /// </summary>
    private static List<MappedEndpoint>? ReadSource(MethodDeclarationSyntax declaration, string builderName, BuilderOrigin origin, Location location, string library)
    {
        var endpoints = new List<MappedEndpoint>();
        var body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
        if (body is null)
        {
            return null;
        }

        var groups = new Dictionary<string, string>(System.StringComparer.Ordinal) { [builderName] = "/" };
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
                case "MapGroup":
                    if (GroupPrefix(call, groups, declaration) is not { } prefix)
                    {
                        return null;
                    }

                    if (call.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax group })
                    {
                        groups[group.Identifier.ValueText] = prefix;
                    }

                    continue;
                case "Run":
                case var other when other.StartsWith("Map", System.StringComparison.Ordinal) || other.StartsWith("Use", System.StringComparison.Ordinal):
                    return null;
                default:
                    continue;
            }

            if (ReceiverPrefix(member.Expression, groups, declaration) is not { } receiverPrefix
                || call.ArgumentList.Arguments.Count == 0
                || ConstantString(call.ArgumentList.Arguments[0].Expression, declaration) is not { } template)
            {
                return null;
            }

            var condition = EnvironmentCondition.SkippedInProduction(call);
            endpoints.Add(new MappedEndpoint(
                kind, origin, RoutePath.Combine(receiverPrefix, template), EndpointConventions.None, location, location,
                new EndpointFacts(condition is null ? null : condition + " in " + library, null, false, false, library)));
        }

        return endpoints;
    }

    /// <summary>The prefix of the builder a call is made on: the builder parameter, a group local, or a chained MapGroup.</summary>
    private static string? ReceiverPrefix(ExpressionSyntax receiver, Dictionary<string, string> groups, MethodDeclarationSyntax declaration) =>
        receiver switch
        {
            IdentifierNameSyntax { Identifier.ValueText: var name } => groups.TryGetValue(name, out var prefix) ? prefix : null,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapGroup" } } group => GroupPrefix(group, groups, declaration),
            _ => null,
        };

    private static string? GroupPrefix(InvocationExpressionSyntax group, Dictionary<string, string> groups, MethodDeclarationSyntax declaration) =>
        group.Expression is MemberAccessExpressionSyntax member
        && ReceiverPrefix(member.Expression, groups, declaration) is { } outer
        && group.ArgumentList.Arguments.Count == 1
        && ConstantString(group.ArgumentList.Arguments[0].Expression, declaration) is { } prefix
            ? RoutePath.Combine(outer, prefix)
            : null;

    /// <summary>A string literal, or a const field of the method's class initialized with one (Aspire's HealthEndpointPath).</summary>
    private static string? ConstantString(ExpressionSyntax expression, MethodDeclarationSyntax declaration)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax { Token.Value: string literal }:
                return literal;
            case IdentifierNameSyntax { Identifier.ValueText: var name } when declaration.Parent is TypeDeclarationSyntax type:
                foreach (var field in type.Members.OfType<FieldDeclarationSyntax>())
                {
                    if (field.Modifiers.Any(modifier => modifier.ValueText == "const"))
                    {
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Identifier.ValueText == name && variable.Initializer?.Value is LiteralExpressionSyntax { Token.Value: string value })
                            {
                                return value;
                            }
                        }
                    }
                }

                return null;
            default:
                return null;
        }
    }
}

/// <summary>A call into a referenced assembly that hands it a builder, as seen at the call site.</summary>
internal sealed class LibraryCall
{
    public LibraryCall(IMethodSymbol method, BuilderRoles roles, string? builderParameterName, BuilderOrigin origin, Location location, string? developmentOnly)
    {
        Method = method;
        Roles = roles;
        BuilderParameterName = builderParameterName;
        Origin = origin;
        Location = location;
        DevelopmentOnly = developmentOnly;
    }

    public IMethodSymbol Method { get; }

    public BuilderRoles Roles { get; }

    /// <summary>The name of the route-builder parameter; null when the method takes no route builder.</summary>
    public string? BuilderParameterName { get; }

    public BuilderOrigin Origin { get; }

    public Location Location { get; }

    /// <summary>The condition around the call itself that keeps it out of the container.</summary>
    public string? DevelopmentOnly { get; }

    public MappedEndpoint Placed(MappedEndpoint endpoint) =>
        DevelopmentOnly is null || endpoint.Facts.DevelopmentOnly is not null ? endpoint : endpoint.WithFacts(endpoint.Facts.WithDevelopmentOnly(DevelopmentOnly));
}

/// <summary>What one library call contributes: a health-check registration, mappings, or a middleware call to decide at the end.</summary>
internal sealed class LibraryCallEffect
{
    public LibraryCallEffect(bool registersHealthChecks, List<MappedEndpoint> endpoints, bool pendingMiddleware)
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
