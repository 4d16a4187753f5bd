using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer,
    ContainerHealth.CodeFixes.HealthEndpoint.HealthChecksRegisteredFixer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

[Trait("Tier", "Unit")]
public sealed class HealthChecksRegisteredRuleTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public async Task MapHealthChecks_without_AddHealthChecks_gets_CH0003_and_the_fix_registers_once_for_all()
    {
        await VerifyCS.VerifyCodeFixAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#2:builder.Build()|};
            {|#0:app.MapHealthChecks("/healthz")|};
            {|#1:app.UseHealthChecks("/ready")|};
            app.Run();
            """,
            Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.UseHealthChecks("/ready");
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0003").WithLocation(0).WithLocation(2).WithArguments("MapHealthChecks", "builder.Services.AddHealthChecks()"),
            VerifyCS.Diagnostic("CH0003").WithLocation(1).WithLocation(2).WithArguments("UseHealthChecks", "builder.Services.AddHealthChecks()"));
    }

    [Fact]
    public async Task Fix_reaches_the_Program_from_an_extension_method_in_another_file()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/Program.cs", Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#1:builder.Build()|};
            app.MapOperations();
            app.Run();
            """));
        test.TestState.Sources.Add(("/Operations.cs", Usings + """
            using Microsoft.AspNetCore.Routing;

            static class Operations
            {
                public static void MapOperations(this IEndpointRouteBuilder endpoints) => {|#0:endpoints.MapHealthChecks("/healthz")|};
            }
            """));
        test.FixedState.Sources.Add(("/Program.cs", Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapOperations();
            app.Run();
            """));
        test.FixedState.Sources.Add(("/Operations.cs", Usings + """
            using Microsoft.AspNetCore.Routing;

            static class Operations
            {
                public static void MapOperations(this IEndpointRouteBuilder endpoints) => endpoints.MapHealthChecks("/healthz");
            }
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0003").WithLocation(0).WithLocation(1).WithArguments("MapHealthChecks", "builder.Services.AddHealthChecks()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Startup_fix_adds_AddHealthChecks_to_ConfigureServices()
    {
        const string Startup = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            Host.CreateDefaultBuilder(args).Build().Run();

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                }

                public void Configure(IApplicationBuilder app)
                {
                    {|#0:app.UseHealthChecks("/healthz")|};
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(
            Startup,
            Startup.Replace("services.AddRouting();", "services.AddRouting();\n        services.AddHealthChecks();").Replace("{|#0:", "").Replace(")|};", ");"),
            VerifyCS.Diagnostic("CH0003").WithLocation(0).WithSpan(9, 5, 12, 6).WithArguments("UseHealthChecks", "services.AddHealthChecks() in ConfigureServices"));
    }

    [Fact]
    public async Task AddHealthChecks_anywhere_in_the_compilation_is_enough()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            Services.Register(builder.Services);
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();

            static class Services
            {
                public static void Register(IServiceCollection services) => services.AddHealthChecks().AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
            }
            """);
    }

    [Fact]
    public async Task A_library_handed_the_host_builder_may_register_them()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddServiceDefaults();
                var app = builder.Build();
                app.MapHealthChecks("/healthz");
                app.Run();
                """,
        };
        test.TestState.AdditionalReferences.Add(Verifiers.ServiceDefaultsLibrary.Reference);
        await test.RunAsync();
    }

    [Fact]
    public async Task No_health_endpoint_means_nothing_to_register()
    {
        await VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            """);
    }
}
