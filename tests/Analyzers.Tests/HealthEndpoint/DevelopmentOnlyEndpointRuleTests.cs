using ContainerHealth.Analyzers.Tests.Verifiers;
using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer,
    ContainerHealth.CodeFixes.HealthEndpoint.DevelopmentOnlyEndpointFixer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

[Trait("Tier", "Unit")]
public sealed class DevelopmentOnlyEndpointRuleTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    [Fact]
    public async Task IsDevelopment_gets_CH0006_and_the_fix_moves_the_mapping_out_removing_the_empty_if()
    {
        await VerifyCS.VerifyCodeFixAsync(
            MappedInDevelopment("/healthz"),
            MappedEverywhere("/healthz"),
            VerifyCS.Diagnostic("CH0006").WithLocation(0).WithArguments("/healthz", "app.Environment.IsDevelopment()"));
    }

    [Fact]
    public async Task At_another_path_than_the_pinned_one_the_fix_maps_it_at_the_probed_path_in_one_step()
    {
        await VerifyCS.VerifyCodeFixAsync(
            MappedInDevelopment("/health"),
            MappedEverywhere("/healthz"),
            VerifyCS.Diagnostic("CH0006").WithLocation(0).WithArguments("/health", "app.Environment.IsDevelopment()"));
    }

    [Fact]
    public async Task With_no_path_set_the_moved_endpoint_is_what_the_container_probes_so_its_path_stays()
    {
        var test = new VerifyCS.Test { TestCode = MappedInDevelopment("/health"), FixedCode = MappedEverywhere("/health") };
        test.Properties.Remove("ContainerHealthCheckPath");
        test.Properties["_ContainerHealthDecidedProtocol"] = "http";
        test.Properties["_ContainerHealthDecidedPath"] = "";
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0006").WithLocation(0).WithArguments("/health", "app.Environment.IsDevelopment()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_fix_keeps_the_rest_of_the_if_and_places_the_mapping_after_it()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();

            if (!app.Environment.IsProduction())
            {
                app.UseDeveloperExceptionPage();
                {|#0:app.MapHealthChecks("/healthz")|};
            }

            app.Run();
            """,
            Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();

            if (!app.Environment.IsProduction())
            {
                app.UseDeveloperExceptionPage();
            }
            app.MapHealthChecks("/healthz");

            app.Run();
            """,
            VerifyCS.Diagnostic("CH0006").WithLocation(0).WithArguments("/healthz", "!app.Environment.IsProduction()"));
    }

    [Theory]
    [InlineData("app.Environment.IsEnvironment(\"Development\")")]
    [InlineData("app.Environment.EnvironmentName == Environments.Development")]
    [InlineData("app.Environment.IsDevelopment() && args.Length > 0")]
    [InlineData("app.Environment.IsDevelopment() || app.Environment.IsStaging()")]
    public async Task Conditions_false_in_Production_get_CH0006(string condition)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + $$"""
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                if ({{condition}})
                    {|#0:app.MapHealthChecks("/healthz")|};
                app.Run();
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0006").WithLocation(0).WithArguments("/healthz", condition));
        test.FixedCode = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();
            """;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("if (app.Environment.IsProduction()) app.MapHealthChecks(\"/healthz\");")]
    [InlineData("if (!app.Environment.IsDevelopment()) app.MapHealthChecks(\"/healthz\");")]
    [InlineData("if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); } else { app.MapHealthChecks(\"/healthz\"); }")]
    [InlineData("if (args.Length > 0) app.MapHealthChecks(\"/healthz\");")]
    [InlineData("if (app.Environment.IsDevelopment()) app.MapHealthChecks(\"/health\"); app.MapHealthChecks(\"/healthz\");")]
    public async Task Mappings_that_run_in_Production_get_no_CH0006(string mapping)
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {{mapping}}
            app.Run();
            """);
    }

    [Fact]
    public async Task If_DEBUG_in_a_Release_build_gets_CH0006_at_the_directive_without_a_fix()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {|#0:#if DEBUG|}
            app.MapHealthChecks("/healthz");
            #endif
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0006").WithLocation(0).WithArguments("/healthz", "#if DEBUG"));
    }

    [Fact]
    public async Task Aspire_ServiceDefaults_in_a_referenced_project_is_read_from_its_sources_and_reported_at_the_call()
    {
        const string ServiceDefaults = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            namespace Microsoft.Extensions.Hosting;

            public static class Extensions
            {
                public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
                {
                    builder.Services.AddHealthChecks();
                    return builder;
                }

                public static WebApplication MapDefaultEndpoints(this WebApplication app)
                {
                    if (app.Environment.IsDevelopment())
                    {
                        app.MapHealthChecks("/health");
                        app.MapHealthChecks("/alive");
                    }

                    return app;
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddServiceDefaults();
                var app = builder.Build();
                {|#0:app.MapDefaultEndpoints()|};
                app.Run();
                """,
        };
        test.Properties["ContainerHealthCheckPath"] = "/health";
        ReferencedProject.Compile("ServiceDefaults", ServiceDefaults).AddTo(test.TestState);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0006").WithLocation(0).WithArguments("/health", "app.Environment.IsDevelopment() in ServiceDefaults"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_its_sources_a_referenced_project_stays_unknown()
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
        test.TestState.AdditionalReferences.Add(ServiceDefaultsLibrary.Reference);
        await test.RunAsync();
    }

    /// <summary>An app that maps its health checks at <paramref name="path"/> only under IsDevelopment() (location #0).</summary>
    private static string MappedInDevelopment(string path) => Usings + $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();

        if (app.Environment.IsDevelopment())
        {
            {|#0:app.MapHealthChecks("{{path}}")|};
        }

        app.Run();
        """;

    /// <summary>The same app with the mapping moved out of the if, as the fix leaves it.</summary>
    private static string MappedEverywhere(string path) => Usings + $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();

        app.MapHealthChecks("{{path}}");

        app.Run();
        """;
}
