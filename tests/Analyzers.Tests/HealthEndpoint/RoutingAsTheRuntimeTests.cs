using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

/// <summary>What answers the probed path as ASP.NET Core routes it: inline middleware, Map branches, conventional routes, ports.</summary>
[Trait("Tier", "Unit")]
public sealed class RoutingAsTheRuntimeTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Theory]
    [InlineData("app.Use(async (context, next) => { if (context.Request.Path == \"/healthz\") { await context.Response.WriteAsync(\"ok\"); return; } await next(context); });")]
    [InlineData("app.Use(async (context, next) => { if (context.Request.Path.StartsWithSegments(\"/healthz\")) return; await next(context); });")]
    [InlineData("app.Use(async (context, next) => { if (context.Request.Path.Value == \"/healthz\") return; await next(context); });")]
    public async Task Inline_middleware_that_answers_the_path_counts_as_mapped(string middleware)
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {{middleware}}
            app.Run();
            """);
    }

    [Fact]
    public async Task Inline_middleware_testing_another_path_does_not()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.Use(async (context, next) => { if (context.Request.Path == "/ping") return; await next(context); });
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
    }

    [Fact]
    public async Task A_Map_branch_puts_its_prefix_in_front_of_the_branch_mappings()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                app.Map("/internal", branch => branch.UseHealthChecks("/healthz"));
                app.Run();
                """,
        };
        test.Properties["ContainerHealthCheckPath"] = "/internal/healthz";
        await test.RunAsync();
    }

    [Fact]
    public async Task A_conventional_route_answers_only_paths_a_known_controller_action_matches()
    {
        const string Program = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();
            var app = {|#0:builder.Build()|};
            app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
            app.Run();

            public sealed class HomeController : Controller
            {
                public IActionResult Index() => Content("home");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(Usings + Program, VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
        await VerifyCS.VerifyAnalyzerAsync(Usings + Program.Replace("{|#0:builder.Build()|}", "builder.Build()") + """

            public sealed class HealthzController : Controller
            {
                public IActionResult Index() => Content("healthy");
            }
            """);
    }

    [Fact]
    public async Task RequireHost_with_another_port_excludes_the_probe()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/healthz").RequireHost("*:9090")|};
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0005").WithLocation(0).WithArguments("/healthz", "'*:9090'", "8080"));
    }

    [Fact]
    public async Task UseHealthChecks_on_a_port_is_judged_against_ContainerHealthCheckPort()
    {
        const string Program = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {|#0:app.UseHealthChecks("/healthz", 9090)|};
            app.Run();
            """;
        await VerifyCS.VerifyAnalyzerAsync(Usings + Program, VerifyCS.Diagnostic("CH0005").WithLocation(0).WithArguments("/healthz", "'*:9090'", "8080"));

        var onThatPort = new VerifyCS.Test { TestCode = Usings + Program.Replace("{|#0:", "").Replace("|};", ";") };
        onThatPort.Properties["ContainerHealthCheckPort"] = "9090";
        await onThatPort.RunAsync();
    }
}
