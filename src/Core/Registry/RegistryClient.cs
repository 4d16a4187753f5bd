using ContainerHealth.Images;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Registry;

/// <summary>
/// The one client of the OCI distribution API in this package: manifests, blobs, uploads. Authenticates on demand
/// (anonymous or credentialed bearer tokens, basic auth), retries transient failures with backoff and turns every
/// failure into a <see cref="RegistryException"/> whose message never contains a credential.
/// Only the registry and repository of the <see cref="ImageReference"/> arguments are used unless a method says otherwise.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    private readonly RegistryClientOptions options;
    private readonly HttpClient http;
    private readonly RegistryTransport transport;

    public RegistryClient(RegistryClientOptions? options = null)
        : this(options ?? new RegistryClientOptions(), handler: null)
    {
    }

    /// <summary>For tests and hosts that bring their own transport.</summary>
    public RegistryClient(RegistryClientOptions options, HttpMessageHandler? handler)
    {
        this.options = options;
        http = new HttpClient(handler ?? CreateHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ContainerHealth", typeof(RegistryClient).Assembly.GetName().Version?.ToString(3)));
        var authenticator = new RegistryAuthenticator(http, options.Credentials, options.RequestTimeout, options.Log);
        transport = new RegistryTransport(http, options, authenticator, new RegistrySchemes(http, options));
    }

    /// <summary>GET the manifest or index named by <paramref name="image"/>'s digest, else its tag.</summary>
    public async Task<ManifestDocument> GetManifestAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        var path = $"/v2/{image.Repository}/manifests/{image.Reference}";
        using var response = await transport.SendAsync(image, PullScope(image), path, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            foreach (var mediaType in ImageMediaTypes.Manifests)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
            }

            return request;
        }, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureSuccessAsync(response, $"manifest {image}", cancellationToken);

        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var digest = ContentDigest.Compute(content);
        if (image.Digest is not null && image.Digest != digest)
        {
            throw new RegistryException(RegistryFailure.Protocol, $"{image} was served with content that hashes to {digest}");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (string.IsNullOrEmpty(mediaType) || !ImageMediaTypes.Manifests.Contains(mediaType))
        {
            mediaType = MediaTypeInBody(content) ?? mediaType ?? "";
        }

        if (!ImageMediaTypes.Manifests.Contains(mediaType))
        {
            throw new RegistryException(RegistryFailure.Protocol, $"{image} is a '{mediaType}', which is neither an OCI nor a Docker v2 manifest or index");
        }

        return new ManifestDocument(mediaType, digest, content);
    }

    /// <summary>GET a blob as a stream; the stream throws at its end when the bytes do not match <paramref name="digest"/>.</summary>
    public async Task<Stream> GetBlobAsync(ImageReference repository, string digest, CancellationToken cancellationToken = default)
    {
        RequireDigest(digest);
        var path = $"/v2/{repository.Repository}/blobs/{digest}";
        var response = await transport.SendAsync(repository, PullScope(repository), path, () => new HttpRequestMessage(HttpMethod.Get, path),
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, $"blob {digest} in {repository.Registry}/{repository.Repository}", cancellationToken);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new VerifiedBlobStream(stream, digest, response, options.RequestTimeout);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>GET a small blob (an image config) whole, verified against its digest.</summary>
    public async Task<byte[]> GetBlobBytesAsync(ImageReference repository, string digest, CancellationToken cancellationToken = default)
    {
        await using var stream = await GetBlobAsync(repository, digest, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>HEAD a blob: true when the repository has it.</summary>
    public async Task<bool> BlobExistsAsync(ImageReference repository, string digest, CancellationToken cancellationToken = default)
    {
        RequireDigest(digest);
        var path = $"/v2/{repository.Repository}/blobs/{digest}";
        using var response = await transport.SendAsync(repository, PullScope(repository), path, () => new HttpRequestMessage(HttpMethod.Head, path),
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, $"blob {digest} in {repository.Registry}/{repository.Repository}", cancellationToken);
        return true;
    }

    /// <summary>
    /// Puts a blob into <paramref name="repository"/> unless it is there: first a cross-repository mount from
    /// <paramref name="mountFrom"/> (same registry only), else a monolithic upload (POST, then PUT with the bytes).
    /// A seekable <paramref name="content"/> is read from its current position and can be retried; a non-seekable one cannot.
    /// </summary>
    public async Task<BlobUploadResult> UploadBlobAsync(
        ImageReference repository, string digest, Stream content, ImageReference? mountFrom = null, CancellationToken cancellationToken = default)
    {
        RequireDigest(digest);
        if (await BlobExistsAsync(repository, digest, cancellationToken))
        {
            return BlobUploadResult.AlreadyPresent;
        }

        var mount = mountFrom is not null && mountFrom.Registry == repository.Registry && mountFrom.Repository != repository.Repository;
        var scope = PushScope(repository) + (mount ? " " + PullScope(mountFrom!) : "");
        var start = $"/v2/{repository.Repository}/blobs/uploads/"
            + (mount ? $"?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(mountFrom!.Repository)}" : "");
        using var started = await transport.SendAsync(repository, scope, start,
            () => new HttpRequestMessage(HttpMethod.Post, start) { Content = new ByteArrayContent([]) },
            HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (started.StatusCode == HttpStatusCode.Created && mount)
        {
            options.Log?.Invoke($"mounted {digest} into {repository.Repository} from {mountFrom!.Repository}");
            return BlobUploadResult.Mounted;
        }

        if (started.StatusCode != HttpStatusCode.Accepted)
        {
            await EnsureSuccessAsync(started, $"upload of {digest} to {repository.Registry}/{repository.Repository}", cancellationToken);
            throw new RegistryException(RegistryFailure.Protocol, $"{repository.Registry} answered {(int)started.StatusCode} to the start of an upload");
        }

        var location = started.Headers.Location
            ?? throw new RegistryException(RegistryFailure.Protocol, $"{repository.Registry} started an upload without a Location");
        var target = location.OriginalString;
        target += (target.Contains('?') ? "&" : "?") + "digest=" + Uri.EscapeDataString(digest);
        var origin = content.CanSeek ? content.Position : 0;
        using var finished = await transport.SendAsync(repository, scope, target, () =>
        {
            if (content.CanSeek)
            {
                content.Position = origin;
            }

            var body = new StreamContent(new NonClosingStream(content));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return new HttpRequestMessage(HttpMethod.Put, target) { Content = body };
        }, HttpCompletionOption.ResponseContentRead, cancellationToken, replayable: content.CanSeek);
        if (finished.StatusCode == HttpStatusCode.NotFound && await BlobExistsAsync(repository, digest, cancellationToken))
        {
            // A retried PUT whose first attempt completed the upload (its answer was lost) finds the session gone.
            options.Log?.Invoke($"uploaded {digest} to {repository.Registry}/{repository.Repository} (an earlier attempt completed it)");
            return BlobUploadResult.Uploaded;
        }

        await EnsureSuccessAsync(finished, $"upload of {digest} to {repository.Registry}/{repository.Repository}", cancellationToken);
        options.Log?.Invoke($"uploaded {digest} to {repository.Registry}/{repository.Repository}");
        return BlobUploadResult.Uploaded;
    }

    /// <summary>Uploads bytes held in memory (a config, a small layer); the digest is computed here.</summary>
    public async Task<(string Digest, BlobUploadResult Result)> UploadBlobAsync(
        ImageReference repository, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var digest = ContentDigest.Compute(content.Span);
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return (digest, await UploadBlobAsync(repository, digest, stream, cancellationToken: cancellationToken));
    }

    /// <summary>PUT a manifest or index under a tag or under its digest; returns its digest.</summary>
    public async Task<string> PutManifestAsync(
        ImageReference repository, string tagOrDigest, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var digest = ContentDigest.Compute(content.Span);
        if (tagOrDigest.Contains(':') && tagOrDigest != digest)
        {
            throw new ArgumentException($"the manifest hashes to {digest}, not {tagOrDigest}", nameof(tagOrDigest));
        }

        var path = $"/v2/{repository.Repository}/manifests/{tagOrDigest}";
        var bytes = content.ToArray();
        using var response = await transport.SendAsync(repository, PushScope(repository), path, () =>
        {
            var body = new ByteArrayContent(bytes);
            body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return new HttpRequestMessage(HttpMethod.Put, path) { Content = body };
        }, HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureSuccessAsync(response, $"manifest {repository.Registry}/{repository.Repository}:{tagOrDigest}", cancellationToken);
        return digest;
    }

    public void Dispose() => http.Dispose();

    private static string PullScope(ImageReference image) => $"repository:{image.Repository}:pull";

    private static string PushScope(ImageReference image) => $"repository:{image.Repository}:pull,push";

    private static void RequireDigest(string digest)
    {
        if (!ContentDigest.IsValid(digest))
        {
            throw new ArgumentException($"'{digest}' is not a sha256 digest", nameof(digest));
        }
    }

    private static string? MediaTypeInBody(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("mediaType", out var mediaType) && mediaType.ValueKind == JsonValueKind.String)
            {
                return mediaType.GetString();
            }

            // OCI allows mediaType to be absent: an index lists manifests, a manifest has a config.
            return root.TryGetProperty("manifests", out _) ? ImageMediaTypes.OciIndex
                : root.TryGetProperty("config", out _) ? ImageMediaTypes.OciManifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The transport the client uses unless given one: TLS checks relaxed only for the insecure registries. Hosts that wrap the transport (progress, tracing) start from it.</summary>
    public static HttpMessageHandler CreateHandler(RegistryClientOptions options)
    {
        var insecure = new HashSet<string>(options.InsecureRegistries, StringComparer.OrdinalIgnoreCase);
        return new HttpClientHandler
        {
            AllowAutoRedirect = true,
            AutomaticDecompression = DecompressionMethods.None,
            ServerCertificateCustomValidationCallback = (request, _, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (request.RequestUri is { } uri && (insecure.Contains(uri.Authority) || insecure.Contains(uri.Host))),
        };
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await RegistryErrorDetailAsync(response, cancellationToken);
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}{detail}";
        if (RegistryTransport.RetryAfter(response) is { } retryAfter)
        {
            status += $"; it asks to retry after {retryAfter.TotalSeconds:0} s";
        }

        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => new RegistryException(RegistryFailure.NotFound, $"{what} was not found ({status})", response.StatusCode),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new RegistryException(RegistryFailure.Unauthorized, $"access to {what} was refused ({status})", response.StatusCode),
            _ => new RegistryException(RegistryFailure.Protocol, $"{what} failed: {status}", response.StatusCode),
        };
    }

    /// <summary>The registry's own explanation (<c>{"errors":[{"code","message"}]}</c>), if it gave one.</summary>
    private static async Task<string> RegistryErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Select(e => $"{(e.TryGetProperty("code", out var c) ? c.GetString() : "")}: {(e.TryGetProperty("message", out var m) ? m.GetString() : "")}");
                return ": " + string.Join("; ", messages);
            }
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
        }

        return "";
    }
}
