using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>What the Kestrel gRPC app maps.</summary>
public enum GrpcAppShape
{
    /// <summary>AddGrpcHealthChecks + MapGrpcHealthChecksService: the setup a gRPC service uses.</summary>
    HealthService,

    /// <summary>A gRPC app (the reflection service) that maps no health service.</summary>
    OtherGrpcServiceOnly,

    /// <summary>No gRPC at all: an HTTP/2 endpoint with a plain /healthz.</summary>
    NoGrpc,
}

/// <summary>
/// A real Kestrel gRPC app on 127.0.0.1 (ephemeral port) with Grpc.AspNetCore.HealthChecks. Two health checks: "live"
/// (tag live, always healthy) and "ready" (tag ready, healthy while <see cref="Ready"/>). Health services: "" (every
/// check), "live" and "ready" (the checks with that tag). Checks run when asked, not from a cache.
/// </summary>
public sealed class GrpcKestrelApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private GrpcKestrelApp(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public volatile bool Ready = true;

    public static async Task<GrpcKestrelApp> StartAsync(GrpcAppShape shape, HttpProtocols protocols = HttpProtocols.Http2)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        builder.Services.AddRouting();
        GrpcKestrelApp? self = null;
        switch (shape)
        {
            case GrpcAppShape.HealthService:
                builder.Services.AddGrpc();
                builder.Services
                    .AddGrpcHealthChecks(options =>
                    {
                        options.UseHealthChecksCache = false;
                        options.Services.Map("", _ => true);
                        options.Services.Map("live", registration => registration.Tags.Contains("live"));
                        options.Services.Map("ready", registration => registration.Tags.Contains("ready"));
                    })
                    .AddCheck("live", () => HealthCheckResult.Healthy(), tags: ["live"])
                    .AddCheck("ready", () => self!.Ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("not ready"), tags: ["ready"]);
                break;
            case GrpcAppShape.OtherGrpcServiceOnly:
                builder.Services.AddGrpc();
                builder.Services.AddGrpcReflection();
                break;
        }

        var app = builder.Build();
        switch (shape)
        {
            case GrpcAppShape.HealthService:
                app.MapGrpcHealthChecksService();
                break;
            case GrpcAppShape.OtherGrpcServiceOnly:
                app.MapGrpcReflectionService();
                break;
            default:
                app.MapGet("/healthz", () => "Healthy");
                break;
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        self = new GrpcKestrelApp(app, new Uri(address).Port);
        return self;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
