using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContainerHealth.TestBed.Registry.Faults;

/// <summary>
/// A reverse proxy (Kestrel, real sockets) in front of a <see cref="TestRegistry"/> that forwards every request as it is,
/// except those a scripted <see cref="FaultRule"/> picks: reset, answered with a status, or stalled. Clients push to
/// <see cref="Address"/> as if it were the registry; the registry builds upload locations for the proxy's address.
/// <code>
/// await using var proxy = await FaultProxy.StartAsync(registry);
/// proxy.Add(new FaultRule(r => r.FromContainerHealth &amp;&amp; r.IsTagPut, Fault.Status(503), Times: 2));
/// // dotnet publish -p:ContainerRegistry={proxy.Address}; proxy.Requests says what happened
/// </code>
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host", "Expect",
    };

    private readonly object gate = new();
    private readonly List<FaultRule> rules = [];
    private readonly List<ProxiedRequest> requests = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly HttpClient upstream;
    private readonly TestRegistry registry;
    private TaskCompletionSource<ProxiedRequest> stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;
    private BearerTokens? tokens;

    private FaultProxy(TestRegistry registry, string host, bool tls)
    {
        this.registry = registry;
        Host = host;
        Tls = tls;
        upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Host { get; }

    public bool Tls { get; }

    public int Port { get; private set; }

    /// <summary><c>host:PORT</c>, to use as ContainerRegistry or in image references.</summary>
    public string Address => $"{Host}:{Port}";

    public TestRegistry Registry => registry;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ProxiedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>
    /// Starts on a free port. <paramref name="host"/> is the name clients use: <c>localhost</c> (loopback, plain HTTP
    /// for the SDK) or a non-loopback address of this machine (the proxy then listens on every interface).
    /// <paramref name="tls"/> serves HTTPS with a self-signed certificate, as an insecure registry might.
    /// </summary>
    public static async Task<FaultProxy> StartAsync(TestRegistry registry, string host = "localhost", bool tls = false)
    {
        var proxy = new FaultProxy(registry, host, tls);
        await proxy.StartAsync();
        return proxy;
    }

    /// <summary>The machine's first non-loopback IPv4 address, for a registry that is "insecure" but not loopback.</summary>
    public static string NonLoopbackAddress() =>
        Dns.GetHostAddresses(Dns.GetHostName()).Concat(System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses.Select(a => a.Address)))
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))?.ToString()
        ?? throw new InvalidOperationException("this machine has no non-loopback IPv4 address");

    /// <summary>From now on every request needs a Bearer token from this proxy's own token endpoint.</summary>
    public BearerTokens RequireBearerTokens()
    {
        lock (gate)
        {
            return tokens ??= new BearerTokens($"{(Tls ? "https" : "http")}://{Address}/token");
        }
    }

    public void Add(FaultRule rule)
    {
        lock (gate)
        {
            rules.Add(rule);
        }
    }

    /// <summary>Removes every rule; later requests are forwarded untouched.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Completes when a request is being stalled: the moment to kill a client mid-push.</summary>
    public Task<ProxiedRequest> WaitForStallAsync(TimeSpan timeout)
    {
        lock (gate)
        {
            return stalled.Task.WaitAsync(timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(grace.Token);
            await app.DisposeAsync();
        }

        upstream.Dispose();
        stopping.Dispose();
    }

    private async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            var address = Host == "localhost" ? IPAddress.Loopback : IPAddress.Any;
            kestrel.Listen(address, 0, listen =>
            {
                if (Tls)
                {
                    listen.UseHttps(SelfSignedCertificate.For(Host));
                }
            });
        });
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Port = new Uri(bound.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var incoming = context.Request;
        var request = new ProxiedRequest(incoming.Method, incoming.Path + incoming.QueryString, incoming.Headers.UserAgent.ToString(), incoming.IsHttps);
        Fault? fault;
        BearerTokens? bearer;
        lock (gate)
        {
            requests.Add(request);
            fault = rules.FirstOrDefault(r => r.Claims(request))?.Fault;
            bearer = tokens;
        }

        if (fault is ExpireTokensFault)
        {
            bearer?.ExpireAll();
        }

        if (bearer is not null && await bearer.TryAnswerAsync(context, request))
        {
            return;
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            switch (fault)
            {
                case ResetFault { AfterForwarding: false }:
                    Reset(context, request);
                    return;
                case StatusFault status:
                    await AnswerAsync(context, request, status);
                    return;
                case StallFault { ResponseBytes: null }:
                    request.Outcome = "stalled";
                    NotifyStalled(request);
                    await Task.Delay(Timeout.Infinite, aborted.Token);
                    return;
            }

            using var forwarded = await upstream.SendAsync(Forward(context), HttpCompletionOption.ResponseHeadersRead, aborted.Token);
            if (fault is ResetFault { AfterForwarding: true })
            {
                await forwarded.Content.LoadIntoBufferAsync(aborted.Token);
                Reset(context, request);
                return;
            }

            await ReturnAsync(context, request, forwarded, (fault as StallFault)?.ResponseBytes, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            request.Outcome ??= "client gave up";
            context.Abort();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            request.Outcome ??= "broken: " + e.Message;
            context.Abort();
        }
    }

    private HttpRequestMessage Forward(HttpContext context)
    {
        var incoming = context.Request;
        var message = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(registry.BaseUri, incoming.Path + incoming.QueryString));
        var hasBody = incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0;
        if (hasBody)
        {
            message.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        // The registry writes upload locations for the address and scheme the client used.
        message.Headers.Host = incoming.Host.Value;
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        return message;
    }

    private async Task ReturnAsync(HttpContext context, ProxiedRequest request, HttpResponseMessage forwarded, int? stallAfter, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = (int)forwarded.StatusCode;
        foreach (var (name, values) in forwarded.Headers.Concat(forwarded.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        request.Outcome = ((int)forwarded.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var body = await forwarded.Content.ReadAsStreamAsync(cancellationToken);
        if (stallAfter is not { } limit)
        {
            await body.CopyToAsync(response.Body, cancellationToken);
            return;
        }

        var buffer = new byte[Math.Max(1, limit)];
        var sent = await body.ReadAtLeastAsync(buffer.AsMemory(0, limit), limit, throwOnEndOfStream: false, cancellationToken);
        await response.Body.WriteAsync(buffer.AsMemory(0, sent), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        request.Outcome += $", stalled after {sent} bytes";
        NotifyStalled(request);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    private static async Task AnswerAsync(HttpContext context, ProxiedRequest request, StatusFault status)
    {
        request.Outcome = $"{status.Code} (injected)";
        context.Response.StatusCode = status.Code;
        if (status.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (status.Challenge is { } challenge)
        {
            context.Response.Headers.WWWAuthenticate = challenge.Trim();
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"errors":[{"code":"INJECTED","message":"fault proxy answered {{status.Code}}"}]}""");
    }

    /// <summary>A TCP RST rather than a polite close: linger 0 on the socket, then abort.</summary>
    private static void Reset(HttpContext context, ProxiedRequest request)
    {
        // Without the socket (another transport) the abort is a plain close, and the log says so.
        request.Outcome = "closed";
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            socket.LingerState = new LingerOption(true, 0);
            request.Outcome = "reset";
        }

        context.Abort();
    }

    private void NotifyStalled(ProxiedRequest request)
    {
        lock (gate)
        {
            stalled.TrySetResult(request);
        }
    }
}
