using ContainerHealth.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Tests.Emitted;

/// <summary>The metadata the generator writes into the app's assembly; ground truth against the running app is in GroundTruth.</summary>
[Trait("Tier", "Unit")]
public sealed class HealthEndpointsGeneratorTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    private static readonly Dictionary<string, string> ZeroConfig = new(ContainerHealthTestState.DefaultProperties)
    {
        ["ContainerHealthCheckPath"] = "",
        ["_ContainerHealthDecidedProtocol"] = "http",
        ["_ContainerHealthDecidedPath"] = "",
        ["_ContainerHealthRecordEndpoints"] = "true",
    };

    [Fact]
    public void Aspire_style_health_and_alive_are_confirmed_in_order_and_the_probe_takes_alive()
    {
        var endpoints = GeneratorRun.Endpoints(ZeroConfig, Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapGet("/", () => "Hello");
            app.MapHealthChecks("/health");
            app.MapHealthChecks("/alive");
            app.Run();
            """);

        Assert.Equal(["/health", "/alive"], endpoints.Confirmed);
        Assert.Empty(endpoints.Unconfirmed);
        Assert.True(endpoints.Complete);
        Assert.Equal("/alive", endpoints.ChooseProbePath());
    }

    [Fact]
    public void Development_only_and_authorized_endpoints_are_unconfirmed_with_why()
    {
        var endpoints = GeneratorRun.Endpoints(ZeroConfig, Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.MapHealthChecks("/health");
            }
            app.MapHealthChecks("/ready").RequireAuthorization();
            app.MapGet("/api/ping", () => "pong");
            app.Run();
            """);

        Assert.Equal(["/api/ping"], endpoints.Confirmed);
        Assert.Collection(
            endpoints.Unconfirmed,
            health => Assert.Equal(("/health", "mapped only when app.Environment.IsDevelopment()"), (health.Path, health.Reason)),
            ready => Assert.Equal(("/ready", "requires authorization (RequireAuthorization)"), (ready.Path, ready.Reason)));
    }

    [Fact]
    public void Startup_class_group_prefixes_and_a_route_read_at_run_time()
    {
        var endpoints = GeneratorRun.Endpoints(ZeroConfig, (Usings + """
            Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();

            class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();

                public void Configure(IApplicationBuilder app, IConfiguration configuration)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGroup("/api").MapHealthChecks("/health/live");
                        endpoints.MapGet(configuration["Route"]!, () => "?");
                    });
                }
            }
            """).Replace("using Microsoft.Extensions.Hosting;", "using Microsoft.Extensions.Hosting;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.Extensions.Configuration;"));

        Assert.Equal(["/api/health/live"], endpoints.Confirmed);
        Assert.False(endpoints.Complete);
    }

    [Fact]
    public void ServiceDefaults_in_a_referenced_project_with_a_constant_group_and_const_paths()
    {
        var serviceDefaults = ReferencedProject.Compile("ServiceDefaults", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class Extensions
            {
                private const string HealthEndpointPath = "/health";

                public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
                {
                    builder.Services.AddHealthChecks();
                    return builder;
                }

                public static WebApplication MapDefaultEndpoints(this WebApplication app)
                {
                    var healthChecks = app.MapGroup("");
                    healthChecks.MapHealthChecks(HealthEndpointPath);
                    healthChecks.MapHealthChecks("/alive");
                    app.MapGroup("/internal").MapHealthChecks("/ready");
                    return app;
                }
            }
            """);
        var endpoints = GeneratorRun.Endpoints(ZeroConfig, serviceDefaults, Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.AddServiceDefaults();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.Run();
            """);

        Assert.Equal(["/health", "/alive", "/internal/ready"], endpoints.Confirmed);
        Assert.True(endpoints.Complete);
        Assert.Equal("/alive", endpoints.ChooseProbePath());
    }

    [Fact]
    public void Only_bodies_that_may_map_health_are_bound_and_health_behind_a_const_group_is_still_found()
    {
        var endpoints = GeneratorRun.Endpoints(ZeroConfig, Usings + """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapOrders();
            app.MapOperations();
            app.Run();
            """, Usings + """
            using Microsoft.AspNetCore.Routing;

            public static class Orders
            {
                private const string Prefix = "/orders";

                public static void MapOrders(this IEndpointRouteBuilder endpoints)
                {
                    var group = endpoints.MapGroup(Prefix);
                    group.MapGet("/", () => "[]");
                    group.MapPost("/", () => "created");
                }
            }

            public static class Operations
            {
                private const string Root = "/health";

                public static void MapOperations(this IEndpointRouteBuilder endpoints) => endpoints.MapGroup(Root).MapGet("/live", () => "ok");
            }
            """);

        Assert.Equal(["/health/live"], endpoints.Confirmed);
        Assert.True(endpoints.Complete);
    }

    [Fact]
    public void Nothing_mapped_is_said_too_so_the_build_keeps_healthz()
    {
        var endpoints = GeneratorRun.Endpoints(ZeroConfig, Usings + """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => "Hello");
            app.Run();
            """);

        Assert.Empty(endpoints.Confirmed);
        Assert.True(endpoints.Complete);
        Assert.Null(endpoints.ChooseProbePath());
    }

    [Theory]
    [InlineData("ContainerHealthCheck", "false")]
    [InlineData("EnableSdkContainerSupport", "false")]
    [InlineData("_ContainerHealthDecidedProtocol", "grpc")]
    [InlineData("_ContainerHealthRecordEndpoints", "")]
    public void Switched_off_checked_over_gRPC_or_not_compiling_for_a_publish_nothing_is_emitted(string property, string value)
    {
        var properties = new Dictionary<string, string>(ZeroConfig) { [property] = value };
        var (metadata, _) = GeneratorRun.Run(properties, OutputKind.ConsoleApplication, Usings + """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapHealthChecks("/health");
            app.Run();
            """);

        Assert.Null(metadata);
    }

    [Fact]
    public void A_class_library_gets_nothing()
    {
        var (metadata, _) = GeneratorRun.Run(ZeroConfig, OutputKind.DynamicallyLinkedLibrary, Usings + """
            public static class Endpoints
            {
                public static void MapHealth(this WebApplication app) => app.MapHealthChecks("/health");
            }
            """);

        Assert.Null(metadata);
    }
}
