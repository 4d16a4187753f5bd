using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>
/// A real Kestrel app on 127.0.0.1 and [::1] (ephemeral ports). /healthz → 200, /status/NNN → NNN (3xx with a
/// Location), /host-only → 200 only for Host: health.internal. Every request's headers are kept, keyed by X-Probe-Id.
/// </summary>
public sealed class KestrelApp : IAsyncLifetime
{
    public const string RequiredHost = "health.internal";

    private WebApplication? app;

    public int IPv4Port { get; private set; }

    public int IPv6Port { get; private set; }

    public ConcurrentDictionary<string, IHeaderDictionary> RequestsById { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.IPv6Loopback, 0);
        });
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        IPv4Port = addresses.Select(a => new Uri(a)).Single(u => u.Host == "127.0.0.1").Port;
        IPv6Port = addresses.Select(a => new Uri(a)).Single(u => u.Host == "[::1]").Port;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.TryGetValue("X-Probe-Id", out var id))
        {
            RequestsById[id.ToString()] = new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value));
        }

        var path = request.Path.Value ?? "";
        if (path == "/healthz")
        {
            return context.Response.WriteAsync("Healthy");
        }

        if (path == "/host-only")
        {
            context.Response.StatusCode = request.Host.Host == RequiredHost ? 200 : 404;
            return Task.CompletedTask;
        }

        if (path.StartsWith("/status/", StringComparison.Ordinal) && int.TryParse(path["/status/".Length..], out var status))
        {
            context.Response.StatusCode = status;
            if (status is >= 300 and < 400)
            {
                context.Response.Headers.Location = "/healthz";
            }

            return status == 204 ? Task.CompletedTask : context.Response.WriteAsync($"status {status}");
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
