using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace ContainerHealth.Engines;

/// <summary>
/// The Docker Engine API over its socket: the few calls that replace a <c>docker</c> process each (a process start of the
/// CLI costs more than the call itself). Unreachable engines throw <see cref="HttpRequestException"/>.
/// </summary>
public sealed class DockerEngineApi : IDisposable
{
    private DockerEngineApi(HttpClient client, Uri baseAddress)
    {
        Client = client;
        BaseAddress = baseAddress;
    }

    internal HttpClient Client { get; }

    internal Uri BaseAddress { get; }

    /// <summary>A client for <paramref name="host"/> (unix:// or tcp://); null for any other scheme.</summary>
    public static DockerEngineApi? Connect(string host)
    {
        if (host.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socket = host["unix://".Length..];
            return new DockerEngineApi(new HttpClient(new SocketsHttpHandler
            {
                ConnectCallback = async (_, token) =>
                {
                    var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await connection.ConnectAsync(new UnixDomainSocketEndPoint(socket), token);
                    }
                    catch
                    {
                        connection.Dispose();
                        throw;
                    }

                    return new NetworkStream(connection, ownsSocket: true);
                },
            }), new Uri("http://docker"));
        }

        return host.StartsWith("tcp://", StringComparison.Ordinal) ? new DockerEngineApi(new HttpClient(), new Uri("http://" + host["tcp://".Length..])) : null;
    }

    /// <summary><c>docker load</c>: null when loaded, else the engine's error.</summary>
    public async Task<string?> LoadAsync(byte[] archive, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await Client.PostAsync(new Uri(BaseAddress, "/images/load?quiet=1"), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? StreamError(body) : Message(body);
    }

    /// <summary>The image's tags; null when the engine has no such image.</summary>
    public async Task<IReadOnlyList<string>?> RepoTagsAsync(string image, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(new Uri(BaseAddress, "/images/" + Uri.EscapeDataString(image) + "/json"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.TryGetProperty("RepoTags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(t => t.GetString() ?? "").ToList()
            : [];
    }

    /// <summary><c>docker rmi</c> without force: true when the engine removed it.</summary>
    public async Task<bool> RemoveImageAsync(string image, CancellationToken cancellationToken)
    {
        using var response = await Client.DeleteAsync(new Uri(BaseAddress, "/images/" + Uri.EscapeDataString(image)), cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public void Dispose() => Client.Dispose();

    /// <summary>The engine's message in an error body (<c>{"message": ...}</c>), or the body.</summary>
    internal static string Message(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    // A load answers 200 and streams JSON messages; a failure is one with "error" (e.g. a layer the engine lacks).
    private static string? StreamError(string body)
    {
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var message = JsonDocument.Parse(line);
                if (message.RootElement.ValueKind == JsonValueKind.Object && message.RootElement.TryGetProperty("error", out var error))
                {
                    return error.GetString() ?? line;
                }
            }
            catch (JsonException)
            {
                return line;
            }
        }

        return null;
    }
}
