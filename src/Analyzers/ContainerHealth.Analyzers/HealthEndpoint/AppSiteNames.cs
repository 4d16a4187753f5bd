using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ContainerHealth.Analyzers.Routing;

namespace ContainerHealth.Analyzers.HealthEndpoint;

/// <summary>
/// What the services and the endpoint builder are called where the app is assembled, so a message names the code the
/// user has: <c>builder.Services</c> and <c>app</c> in a minimal program, the ConfigureServices parameter and the
/// UseEndpoints lambda's parameter (<c>services</c>, <c>endpoints</c>) in a Startup class.
/// </summary>
internal static class AppSiteNames
{
    /// <returns>The registration to add, as the user would write it there, and the name of the builder to map on.</returns>
    public static (string AddHealthChecks, string App) Of(AppSite? site, Location? configureServices)
    {
        if (site is null)
        {
            return (configureServices is null ? "builder.Services.AddHealthChecks()" : ServicesParameter(configureServices) + ".AddHealthChecks() in ConfigureServices", "app");
        }

        var node = site.Location.SourceTree?.GetRoot().FindNode(site.Location.SourceSpan, getInnermostNodeForTie: true);
        var call = node as InvocationExpressionSyntax ?? node?.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        switch (site.Kind)
        {
            case AppSiteKind.WebApplicationBuild:
                var builder = (call?.Expression as MemberAccessExpressionSyntax)?.Expression;
                var app = call?.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ? declarator.Identifier.ValueText : "app";
                return ((builder is IdentifierNameSyntax ? builder.ToString() : "builder") + ".Services.AddHealthChecks()", app);
            case AppSiteKind.UseEndpoints:
                var endpoints = call?.ArgumentList.Arguments.Count > 0
                    ? call.ArgumentList.Arguments[call.ArgumentList.Arguments.Count - 1].Expression switch
                    {
                        SimpleLambdaExpressionSyntax lambda => lambda.Parameter.Identifier.ValueText,
                        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } lambda => lambda.ParameterList.Parameters[0].Identifier.ValueText,
                        _ => "endpoints",
                    }
                    : "endpoints";
                return (ServicesParameter(configureServices) + ".AddHealthChecks() in ConfigureServices", endpoints);
            default:
                return (ServicesParameter(configureServices) + ".AddHealthChecks() in ConfigureServices", "app");
        }
    }

    private static string ServicesParameter(Location? configureServices) =>
        configureServices?.SourceTree?.GetRoot().FindNode(configureServices.SourceSpan) is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } method
            ? method.ParameterList.Parameters[0].Identifier.ValueText
            : "services";
}
