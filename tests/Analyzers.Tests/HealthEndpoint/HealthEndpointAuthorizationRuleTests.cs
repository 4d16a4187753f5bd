using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer,
    ContainerHealth.CodeFixes.HealthEndpoint.HealthEndpointAuthorizationFixer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

[Trait("Tier", "Unit")]
public sealed class HealthEndpointAuthorizationRuleTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public async Task RequireAuthorization_on_the_endpoint_gets_CH0004_and_the_fix_appends_AllowAnonymous()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/healthz").RequireAuthorization()|};
            app.Run();
            """,
            Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.MapHealthChecks("/healthz").RequireAuthorization().AllowAnonymous();
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0004").WithLocation(0).WithArguments("/healthz", "RequireAuthorization", "the container probe gets 401", "add .AllowAnonymous() (or [AllowAnonymous]) to it"));
    }

    [Fact]
    public async Task RequireAuthorization_on_enclosing_groups_held_in_variables_counts_and_Fix_All_fixes_every_endpoint()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var secured = app.MapGroup("/");
            secured.RequireAuthorization("admin");
            var ops = secured.MapGroup("ops");
            {|#0:secured.MapHealthChecks("/healthz")|};
            {|#1:ops.MapGet("../healthz", () => "ok").WithName("probe")|};
            app.Run();
            """,
            Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var secured = app.MapGroup("/");
            secured.RequireAuthorization("admin");
            var ops = secured.MapGroup("ops");
            secured.MapHealthChecks("/healthz").AllowAnonymous();
            ops.MapGet("../healthz", () => "ok").WithName("probe");
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0004").WithLocation(0).WithArguments("/healthz", "RequireAuthorization", "the container probe gets 401", "add .AllowAnonymous() (or [AllowAnonymous]) to it"));
    }

    [Fact]
    public async Task Fallback_policy_reaches_the_endpoint_without_AllowAnonymous()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/healthz")|};
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.MapHealthChecks("/healthz").AllowAnonymous();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0004").WithLocation(0).WithArguments("/healthz", "the authorization fallback policy", "the container probe gets 401", "add .AllowAnonymous() (or [AllowAnonymous]) to it"));
    }

    [Fact]
    public async Task Fallback_policy_set_through_AddAuthorizationBuilder_counts()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/healthz")|};
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0004").WithLocation(0).WithArguments("/healthz", "the authorization fallback policy", "the container probe gets 401", "add .AllowAnonymous() (or [AllowAnonymous]) to it"));
    }

    [Fact]
    public async Task Authorize_on_the_controller_without_AllowAnonymous_gets_CH0004_on_the_action()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [Authorize]
            [Route("/")]
            public class ProbeController : ControllerBase
            {
                [HttpGet("healthz")]
                public string {|#0:Healthz|}() => "ok";

                [HttpGet("ready")]
                public string Ready() => "ok";
            }

            [Authorize]
            public class OtherController : ControllerBase
            {
                [AllowAnonymous]
                [HttpGet("/HEALTHZ/")]
                public string Probe() => "ok";
            }
            """,
            VerifyCS.Diagnostic("CH0004").WithLocation(0).WithArguments("/healthz", "[Authorize]", "the container probe gets 401", "add .AllowAnonymous() (or [AllowAnonymous]) to it"));
    }

    [Theory]
    [InlineData("app.MapHealthChecks(\"/healthz\").RequireAuthorization().AllowAnonymous();")]
    [InlineData("app.MapGroup(\"\").AllowAnonymous().MapHealthChecks(\"/healthz\").RequireAuthorization();")]
    [InlineData("app.MapHealthChecks(\"/ready\").RequireAuthorization();")]
    [InlineData("app.MapGet(\"/{id}\", (int id) => id).RequireAuthorization();")]
    [InlineData("app.UseHealthChecks(\"/healthz\");\napp.UseAuthorization();")]
    [InlineData("var health = app.MapHealthChecks(\"/healthz\");\nhealth.RequireAuthorization();\nhealth.AllowAnonymous();")]
    [InlineData("app.MapHealthChecks(\"/healthz\").WithMetadata(new AllowAnonymousAttribute()).RequireAuthorization();")]
    public async Task Near_misses_get_no_CH0004(string mapping)
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options => options.FallbackPolicy = null);
            var app = builder.Build();

            """ + mapping + """

            app.Run();
            """);
    }
}
