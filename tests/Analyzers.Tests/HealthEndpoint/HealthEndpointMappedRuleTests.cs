using ContainerHealth.Analyzers.HealthEndpoint;
using ContainerHealth.CodeFixes.HealthEndpoint;
using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer,
    ContainerHealth.CodeFixes.HealthEndpoint.HealthEndpointMappedFixer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

[Trait("Tier", "Unit")]
public sealed class HealthEndpointMappedRuleTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public async Task Template_app_without_health_endpoint_gets_CH0001_at_Build_and_the_fix_maps_it()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};

            app.MapGet("/", () => "Hello World!");

            app.Run();
            """,
            Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();

            app.MapGet("/", () => "Hello World!");
            app.MapHealthChecks("/healthz");

            app.Run();
            """,
            VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
    }

    [Fact]
    public async Task Fix_uses_the_configured_path_and_works_inside_Main()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                public static class Program
                {
                    public static async System.Threading.Tasks.Task Main(string[] args)
                    {
                        var webBuilder = WebApplication.CreateBuilder(args);
                        var web = {|#0:webBuilder.Build()|};
                        await web.RunAsync();
                    }
                }
                """,
            FixedCode = Usings + """
                public static class Program
                {
                    public static async System.Threading.Tasks.Task Main(string[] args)
                    {
                        var webBuilder = WebApplication.CreateBuilder(args);
                        webBuilder.Services.AddHealthChecks();
                        var web = webBuilder.Build();
                        web.MapHealthChecks("/ready");
                        await web.RunAsync();
                    }
                }
                """,
        };
        test.Properties["ContainerHealthCheckPath"] = "/ready";
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/ready", "webBuilder.Services.AddHealthChecks()", "web"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Startup_class_gets_CH0001_at_UseEndpoints_and_the_fix_edits_both_methods()
    {
        const string Startup = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    {|#0:app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGet("/", () => "hi");
                    })|};
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(
            Startup,
            Startup.Replace("services.AddRouting();", "services.AddRouting();\n        services.AddHealthChecks();")
                .Replace("{|#0:", "").Replace("})|};", "});")
                .Replace("endpoints.MapGet(\"/\", () => \"hi\");", "endpoints.MapGet(\"/\", () => \"hi\");\n            endpoints.MapHealthChecks(\"/healthz\");"),
            VerifyCS.Diagnostic("CH0001").WithLocation(0).WithSpan(10, 5, 13, 6).WithArguments("/healthz", "services.AddHealthChecks() in ConfigureServices", "endpoints"));
    }

    [Theory]
    [InlineData("app.MapHealthChecks(\"/healthz\");")]
    [InlineData("app.MapHealthChecks(\"healthz/\");")]
    [InlineData("app.MapHealthChecks(\"/HealthZ\");")]
    [InlineData("app.UseHealthChecks(\"/healthz\");")]
    [InlineData("app.UseHealthChecks(\"/healthz\", 8080);")]
    [InlineData("app.MapGet(\"/healthz\", () => \"ok\");")]
    [InlineData("app.MapGet(\"/{slug}\", (string slug) => slug);")]
    [InlineData("app.MapMethods(\"/healthz\", new[] { \"GET\" }, () => \"ok\");")]
    [InlineData("app.MapMethods(\"/healthz\", new[] { HttpMethods.Get }, () => \"ok\");")]
    [InlineData("app.Map(\"/healthz\", () => \"ok\");")]
    [InlineData("app.MapGroup(\"/health\").MapGroup(\"z\");\napp.MapGroup(\"/\").MapHealthChecks(\"/healthz\");")]
    [InlineData("const string Root = \"/health\";\napp.MapHealthChecks(Root + \"z\");")]
    [InlineData("var group = app.MapGroup(\"/api\");\nvar inner = group.MapGroup(\"/v1\");\ninner.MapHealthChecks(\"/../healthz\");\napp.MapHealthChecks(\"/healthz\");")]
    [InlineData("app.MapFallback(() => \"spa\");")]
    [InlineData("app.MapHealthChecks(System.Environment.GetEnvironmentVariable(\"HEALTH\")!);")]
    [InlineData("app.MapGroup(System.Environment.MachineName).MapGet(\"/x\", () => \"\");")]
    public async Task Near_misses_that_map_or_may_map_the_probed_path_get_no_CH0001(string mapping)
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();

            """ + mapping + """

            app.Run();
            """);
    }

    [Fact]
    public async Task Health_checks_in_nested_groups_held_in_variables_count()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                var ops = app.MapGroup("/ops");
                var probes = ops.MapGroup("probes");
                probes.MapHealthChecks("/live");
                app.Run();
                """,
        };
        test.Properties["ContainerHealthCheckPath"] = "/ops/probes/live";
        await test.RunAsync();
    }

    [Fact]
    public async Task Group_prefix_moves_the_endpoint_away_so_CH0002_names_the_paths()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            var api = app.MapGroup("/api");
            {|#0:api.MapHealthChecks("/healthz")|};
            app.MapHealthChecks("/ready");
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0002").WithLocation(0).WithArguments("'/api/healthz', '/ready'", "/healthz"));
    }

    [Fact]
    public async Task Extension_method_mapping_on_its_parameter_is_resolved_through_its_callers()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Routing;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapGroup("/internal").MapProbes();
            app.Run();

            static class ProbeEndpoints
            {
                public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder endpoints)
                {
                    {|#0:endpoints.MapHealthChecks("/healthz")|};
                    return endpoints;
                }
            }
            """,
            VerifyCS.Diagnostic("CH0002").WithLocation(0).WithArguments("'/internal/healthz'", "/healthz"));
    }

    [Fact]
    public async Task Extension_method_called_on_the_app_maps_the_probed_path()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Routing;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapProbes();
            app.Run();

            static class ProbeEndpoints
            {
                public static void MapProbes(this IEndpointRouteBuilder endpoints) => endpoints.MapHealthChecks("/healthz");
            }
            """);
    }

    [Fact]
    public async Task Endpoints_mapped_by_a_referenced_library_are_unknown_so_no_CH0001()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddServiceDefaults();
                var app = builder.Build();
                app.MapDefaultEndpoints();
                app.Run();
                """,
        };
        test.TestState.AdditionalReferences.Add(Verifiers.ServiceDefaultsLibrary.Reference);
        test.Rules = null;
        await test.RunAsync();
    }

    [Fact]
    public async Task Attribute_routed_controller_answering_GET_maps_the_probed_path()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [ApiController]
            [Route("[controller]")]
            public class HealthzController : ControllerBase
            {
                [HttpGet]
                public string Get() => "ok";
            }
            """);
    }

    [Fact]
    public async Task Controller_answering_POST_only_does_not_map_the_probed_path()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = {|#0:builder.Build()|};
            app.MapControllers();
            app.Run();

            [ApiController]
            [Route("api")]
            public class StatusController : ControllerBase
            {
                [HttpPost("/healthz")]
                public string Post() => "ok";

                [HttpGet("status")]
                public string Get() => "ok";
            }
            """,
            VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
    }

    [Fact]
    public async Task MapMethods_without_GET_does_not_count()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.MapMethods("/healthz", new[] { "POST" }, () => "ok");
            app.MapPost("/healthz", () => "ok");
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
    }

    [Theory]
    [InlineData("ContainerHealthCheck", "false")]
    [InlineData("EnableSdkContainerSupport", "false")]
    [InlineData("ContainerHealthCheckCommand", "/app/check.sh")]
    public async Task Rules_are_off_when_the_properties_say_so(string property, string value)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.Run();
                """,
        };
        test.Properties[property] = value;
        await test.RunAsync();
    }

    [Fact]
    public async Task Absent_properties_mean_the_SDK_defaults_so_the_rule_runs_with_healthz()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = {|#0:builder.Build()|};
                app.Run();
                """,
        };
        test.Properties.Clear();
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Class_library_is_not_an_app()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                public static class Hosting
                {
                    public static void Main() { }

                    public static WebApplication Create(string[] args) => WebApplication.CreateBuilder(args).Build();
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary;
        await test.RunAsync();
    }

    [Fact]
    public async Task Console_app_without_ASP_NET_Core_is_left_alone()
    {
        var test = new Verifiers.CSharpAnalyzerVerifier<HealthEndpointAnalyzer>.Test
        {
            TestCode = """
                System.Console.WriteLine("hi");
                """,
        };
        test.AspNetCore = false;
        await test.RunAsync();
    }
}
