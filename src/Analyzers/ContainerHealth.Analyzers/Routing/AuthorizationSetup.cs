using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using ContainerHealth.Analyzers.Infrastructure;
using ContainerHealth.Analyzers.Internals;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// How the app sets up authentication and authorization for every endpoint at once: an authorization fallback policy,
/// a global MVC AuthorizeFilter, and the authentication handlers (cookie sign-in redirects, tokens answer 401).
/// </summary>
internal sealed class AuthorizationSetup
{
    private readonly WellKnownTypes types;
    private readonly ConcurrentQueue<Location> fallbackPolicySites = new();
    private readonly ConcurrentQueue<Location> globalAuthorizeFilterSites = new();
    private readonly ConcurrentQueue<string> authenticationHandlers = new();
    private readonly ConcurrentQueue<Location> useAuthorizationSites = new();

    public AuthorizationSetup(WellKnownTypes types)
    {
        this.types = types;
    }

    public ImmutableArray<Location> FallbackPolicySites => fallbackPolicySites.ToImmutableArray();

    public ImmutableArray<Location> GlobalAuthorizeFilterSites => globalAuthorizeFilterSites.ToImmutableArray();

    public ImmutableArray<string> AuthenticationHandlers => authenticationHandlers.Distinct().ToImmutableArray();

    /// <summary>Explicit app.UseAuthorization() calls (without one, WebApplication adds the middleware before the app's own).</summary>
    public ImmutableArray<Location> UseAuthorizationSites => useAuthorizationSites.ToImmutableArray();

    /// <summary>A framework call: AuthorizationBuilder.SetFallbackPolicy, UseAuthorization, or an AuthenticationBuilder.Add* handler.</summary>
    public void Record(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "SetFallbackPolicy" && WellKnownTypes.Is(method.ContainingType, types.AuthorizationBuilder))
        {
            if (invocation.Argument("policy") is { } policy && !policy.IsNullConstant())
            {
                fallbackPolicySites.Enqueue(invocation.Syntax.GetLocation());
            }
        }
        else if (method.Name == "UseAuthorization" && method.ContainingType?.Name == "AuthorizationAppBuilderExtensions")
        {
            useAuthorizationSites.Enqueue(invocation.Syntax.GetLocation());
        }
        else if (method.Name.StartsWith("Add", System.StringComparison.Ordinal)
            && method.Parameters.Length > 0
            && WellKnownTypes.Is(method.Parameters[0].Type, types.AuthenticationBuilder))
        {
            authenticationHandlers.Enqueue(method.Name);
        }
    }

    /// <summary>AuthorizationOptions.FallbackPolicy = ...</summary>
    public void RecordAssignment(IOperation operation)
    {
        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FallbackPolicy" } target } assignment
            && WellKnownTypes.Is(target.Property.ContainingType, types.AuthorizationOptions)
            && !assignment.Value.IsNullConstant())
        {
            fallbackPolicySites.Enqueue(assignment.Syntax.GetLocation());
        }
    }

    /// <summary>new AuthorizeFilter() added to MVC's global filters: every controller action requires authorization.</summary>
    public void RecordCreation(IOperation operation)
    {
        if (operation is not IObjectCreationOperation creation || !WellKnownTypes.Is(creation.Type, types.AuthorizeFilter))
        {
            return;
        }

        var parent = creation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" } })
        {
            globalAuthorizeFilterSites.Enqueue(creation.Syntax.GetLocation());
        }
    }
}
