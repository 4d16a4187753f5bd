using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer,
    ContainerHealth.CodeFixes.HealthEndpoint.HealthEndpointAuthorizationFixer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

/// <summary>CH0004 as the runtime applies authorization: short-circuit endpoints, middleware order, MVC filters, sign-in redirects.</summary>
[Trait("Tier", "Unit")]
public sealed class HealthEndpointAuthorizationRuntimeTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Authorization;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private const string Fallback = """
        builder.Services.AddAuthorization(options =>
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        """;

    [Fact]
    public async Task ShortCircuit_endpoints_skip_the_fallback_policy()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            """ + Fallback + """
            var app = builder.Build();
            app.MapHealthChecks("/healthz").ShortCircuit();
            app.Run();
            """);
    }

    [Fact]
    public async Task UseHealthChecks_after_the_implicit_authorization_middleware_gets_CH0004_without_a_fix()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            """ + Fallback + """
            var app = builder.Build();
            {|#0:app.UseHealthChecks("/healthz")|};
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0004").WithLocation(0).WithArguments(
                "/healthz", "the authorization fallback policy, applied before this middleware", "the container probe gets 401",
                "call UseHealthChecks before app.UseAuthorization(), or map it with MapHealthChecks(...).AllowAnonymous()"));
    }

    [Fact]
    public async Task UseHealthChecks_before_an_explicit_UseAuthorization_is_not_affected()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            """ + Fallback + """
            var app = builder.Build();
            app.UseHealthChecks("/healthz");
            app.UseAuthorization();
            app.Run();
            """);
    }

    [Fact]
    public async Task A_global_AuthorizeFilter_makes_the_controller_health_action_require_authorization()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(options => options.Filters.Add(new AuthorizeFilter()));
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            public sealed class HealthController : ControllerBase
            {
                [HttpGet("/healthz")]
                public string {|#0:Get|}() => "ok";
            }
            """,
            VerifyCS.Diagnostic("CH0004").WithLocation(0).WithArguments(
                "/healthz", "a global AuthorizeFilter", "the container probe gets 401", "add .AllowAnonymous() (or [AllowAnonymous]) to it"));
    }

    [Fact]
    public async Task Cookie_sign_in_says_the_probe_is_redirected_and_the_check_checks_nothing()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            builder.Services.AddAuthentication("Cookies").AddCookie();
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/healthz").RequireAuthorization()|};
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0004").WithLocation(0).WithArguments(
                "/healthz", "RequireAuthorization",
                "the container probe is redirected to the sign-in page, which the 200-399 check counts as healthy: the health check checks nothing",
                "add .AllowAnonymous() (or [AllowAnonymous]) to it"));
    }
}
