using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>
/// A real Kestrel app on 127.0.0.1 and [::1] (ephemeral ports). /healthz → 200, /status/NNN → NNN (3xx with a
/// Location), /host-only → 200 only for Host: health.internal, /big-cookies → 200 with 40 KB of Set-Cookie headers.
/// Every request's headers are kept, keyed by X-Probe-Id. A third port on 127.0.0.1 speaks HTTP/2 only (Protocols=Http2).
/// </summary>
public sealed class KestrelApp : IAsyncLifetime
{
    public const string RequiredHost = "health.internal";

    private WebApplication? app;

    public int IPv4Port { get; private set; }

    public int IPv6Port { get; private set; }

    /// <summary>127.0.0.1, Protocols=Http2 without TLS: what a gRPC service's port looks like.</summary>
    public int Http2OnlyPort { get; private set; }

    public ConcurrentDictionary<string, IHeaderDictionary> RequestsById { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        ListenOptions? ipv4 = null, ipv6 = null, http2Only = null;
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => ipv4 = listen);
            kestrel.Listen(IPAddress.IPv6Loopback, 0, listen => ipv6 = listen);
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                http2Only = listen;
            });
        });
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();

        // Kestrel writes the ports it bound back into the listen options.
        IPv4Port = ipv4!.IPEndPoint!.Port;
        IPv6Port = ipv6!.IPEndPoint!.Port;
        Http2OnlyPort = http2Only!.IPEndPoint!.Port;
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

        if (path == "/big-cookies")
        {
            for (var i = 0; i < 40; i++)
            {
                context.Response.Headers.Append("Set-Cookie", $"c{i}={new string('x', 1000)}; Path=/; HttpOnly");
            }

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
