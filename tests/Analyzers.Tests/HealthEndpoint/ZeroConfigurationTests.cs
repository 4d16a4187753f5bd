using ContainerHealth.Analyzers.Tests.Verifiers;
using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

/// <summary>
/// The build's decision (_ContainerHealthDecided*): with no ContainerHealthCheckPath the container probes the path the
/// app's confirmed health endpoints give (ChooseProbePath), and CH0001-CH0006 judge that one; CH0005 judges the decided
/// port and Host header.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class ZeroConfigurationTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    private const string ServiceDefaults = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        namespace Microsoft.Extensions.Hosting;

        public static class Extensions
        {
            private const string HealthEndpointPath = "/health";
            private const string AlivenessEndpointPath = "/alive";

            public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
            {
                builder.Services.AddHealthChecks();
                return builder;
            }

            public static WebApplication MapDefaultEndpoints(this WebApplication app)
            {
                var healthChecks = app.MapGroup("");
                healthChecks.WithMetadata("health");
                healthChecks.MapHealthChecks(HealthEndpointPath);
                healthChecks.MapHealthChecks(AlivenessEndpointPath);
                return app;
            }
        }
        """;

    [Fact]
    public async Task Aspire_style_health_and_alive_in_every_environment_get_no_warning()
    {
        await Run(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/health");
            app.MapHealthChecks("/alive");
            app.Run();
            """);
    }

    [Fact]
    public async Task ServiceDefaults_in_a_referenced_project_with_a_constant_group_and_const_paths_get_no_warning()
    {
        var test = Test(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.MapGet("/", () => "Hello");
            app.MapDefaultEndpoints();
            app.Run();
            """);
        ReferencedProject.Compile("ServiceDefaults", ServiceDefaults).AddTo(test.TestState);
        await test.RunAsync();
    }

    [Fact]
    public async Task Nothing_confirmed_the_container_probes_healthz_and_CH0001_says_so()
    {
        await Run(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.MapGet("/", () => "Hello");
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
    }

    [Fact]
    public async Task Only_an_authorized_health_endpoint_the_container_probes_healthz()
    {
        await Run(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/health")|}.RequireAuthorization();
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0002").WithLocation(0).WithArguments("'/health'", "/healthz"));
    }

    [Fact]
    public async Task A_pinned_path_is_judged_as_before()
    {
        var test = Test(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/health")|};
            app.Run();
            """);
        test.Properties["_ContainerHealthDecidedPath"] = "/healthz";
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0002").WithLocation(0).WithArguments("'/health'", "/healthz"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("5000", false)]
    [InlineData("8080", true)]
    public async Task CH0005_judges_the_decided_port(string port, bool warns)
    {
        var test = Test(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/healthz").RequireHost("*:5000")|};
            app.Run();
            """);
        test.Properties["_ContainerHealthDecidedPort"] = port;
        if (warns)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0005").WithLocation(0).WithArguments("/healthz", "'*:5000'", port));
        }

        await test.RunAsync();
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("api.example.com", false)]
    public async Task CH0005_judges_the_decided_host_header(string hostHeader, bool warns)
    {
        var test = Test(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/healthz").RequireHost("*.example.com")|};
            app.Run();
            """);
        test.Properties["_ContainerHealthDecidedHostHeader"] = hostHeader;
        if (warns)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0005").WithLocation(0).WithArguments("/healthz", "'*.example.com'", "8080"));
        }

        await test.RunAsync();
    }

    private static Task Run(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = Test(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static VerifyCS.Test Test(string source)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.Properties.Remove("ContainerHealthCheckPath");
        test.Properties["_ContainerHealthDecidedProtocol"] = "http";
        test.Properties["_ContainerHealthDecidedPath"] = "";
        return test;
    }
}
