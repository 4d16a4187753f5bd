using System.Collections.Concurrent;

namespace ContainerHealth.Registry;

/// <summary>
/// Whether each registry's API is reached over HTTPS or plain HTTP, decided once per registry. Loopback registries are
/// plain HTTP and secure ones HTTPS without asking. An insecure registry is asked: <c>GET /v2/</c> over HTTPS, and only
/// when the TLS handshake itself fails (the peer does not speak TLS) <c>GET /v2/</c> over HTTP; the scheme that got an
/// HTTP answer is kept. A connection-level failure (reset, refused, timeout) decides nothing, so a registry that speaks
/// HTTPS is never switched to HTTP by a network fault; the next request asks again.
/// </summary>
internal sealed class RegistrySchemes(HttpClient http, RegistryClientOptions options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> decided = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Uri> BaseUriAsync(string registry, CancellationToken cancellationToken)
    {
        var scheme = RegistryEndpoint.IsLoopback(registry) ? "http"
            : !IsInsecure(registry) ? "https"
            : await ProbedSchemeAsync(registry, cancellationToken);
        return new Uri($"{scheme}://{RegistryEndpoint.ApiHost(registry)}/");
    }

    private bool IsInsecure(string registry) =>
        options.InsecureRegistries.Contains(registry, StringComparer.OrdinalIgnoreCase);

    private async Task<string> ProbedSchemeAsync(string registry, CancellationToken cancellationToken)
    {
        var probe = decided.GetOrAdd(registry, r => new Lazy<Task<string>>(() => ProbeAsync(r)));
        try
        {
            return await probe.Value.WaitAsync(cancellationToken);
        }
        catch
        {
            // A failed probe decided nothing: forget it so the caller's retry probes again.
            decided.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(registry, probe));
            throw;
        }
    }

    private async Task<string> ProbeAsync(string registry)
    {
        try
        {
            await AskAsync("https", registry);
            return "https";
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            options.Log?.Invoke($"{registry} failed the TLS handshake ({e.Message}); asking over HTTP because it is an insecure registry");
        }

        await AskAsync("http", registry);
        options.Log?.Invoke($"{registry} answers over HTTP; using HTTP for it");
        return "http";
    }

    /// <summary>Any HTTP answer (200, 401, 404) shows the scheme works; only transport failures throw.</summary>
    private async Task AskAsync(string scheme, string registry)
    {
        using var deadline = new CancellationTokenSource(options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scheme}://{RegistryEndpoint.ApiHost(registry)}/v2/");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
    }
}
