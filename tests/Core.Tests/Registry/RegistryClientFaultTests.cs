using ContainerHealth.Images;
using System.Text;
using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;
using ContainerHealth.TestBed.Registry;
using ContainerHealth.TestBed.Registry.Faults;

namespace ContainerHealth.Core.Tests.Registry;

/// <summary>
/// The registry client against the real docker-registry behind <see cref="FaultProxy"/>: each fault is retried a
/// bounded number of times and then either succeeds or fails as a <see cref="RegistryException"/>.
/// </summary>
[Trait("Tier", "Engine")]
public sealed class RegistryClientFaultTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private static readonly byte[] Layer = Encoding.UTF8.GetBytes(new string('l', 100_000));

    private readonly List<string> log = [];

    private TestRegistry Registry => fixture.Registry;

    [Fact]
    public async Task A_reset_upload_is_retried_and_the_blob_arrives()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.Add(new FaultRule(r => r.Method == "PUT" && r.IsBlobUpload, Fault.Reset));
        using var client = Client();
        var image = Repository(proxy);

        var (digest, result) = await client.UploadBlobAsync(image, Layer);

        Assert.Equal(BlobUploadResult.Uploaded, result);
        Assert.Equal(["reset", "201"], proxy.Requests.Where(r => r.Method == "PUT").Select(r => r.Outcome));
        Assert.True(await BlobExistsDirectlyAsync(image, digest));
    }

    [Fact]
    public async Task An_upload_whose_answer_was_lost_is_recognised_as_done()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.Add(new FaultRule(r => r.Method == "PUT" && r.IsBlobUpload, Fault.ResetAfterForwarding));
        using var client = Client();
        var image = Repository(proxy);

        var (digest, result) = await client.UploadBlobAsync(image, Layer);

        Assert.Equal(BlobUploadResult.Uploaded, result);
        Assert.Contains(log, line => line.Contains("an earlier attempt completed it"));
        Assert.True(await BlobExistsDirectlyAsync(image, digest));
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_then_reported()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.Add(new FaultRule(r => r.IsManifest, Fault.Status(500), Times: null));
        using var client = Client(maxAttempts: 3);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(ImageReference.Parse($"{proxy.Address}/faults/any:1")));

        Assert.Equal(RegistryFailure.Protocol, error.Failure);
        Assert.Contains("500", error.Message);
        Assert.Equal(3, proxy.Requests.Count(r => r.IsManifest));
    }

    [Fact]
    public async Task Service_unavailable_twice_then_the_manifest_goes_through()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.Add(new FaultRule(r => r.IsTagPut, Fault.Status(503), Times: 2));
        using var client = Client();
        var image = Repository(proxy);
        var manifest = await PushImageBlobsAsync(client, image);

        var digest = await client.PutManifestAsync(image, "1", ImageMediaTypes.OciManifest, manifest);

        Assert.Equal(["503 (injected)", "503 (injected)", "201"], proxy.Requests.Where(r => r.IsTagPut).Select(r => r.Outcome));
        var tag = Assert.Single(await TagAudit.ReadAsync(Registry, image.Repository));
        Assert.True(tag.IsComplete, tag.ToString());
        Assert.Equal(digest, tag.Digest);
    }

    [Fact]
    public async Task Too_many_requests_waits_the_Retry_After_the_registry_asks_for()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.Add(new FaultRule(r => r.Method == "HEAD", Fault.Status(429, retryAfter: "1")));
        using var client = Client(retryDelay: TimeSpan.FromMilliseconds(1));
        var image = Repository(proxy);
        var started = DateTime.UtcNow;

        Assert.False(await client.BlobExistsAsync(image, ContentDigest.Compute("absent"u8)));

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry came before the registry's Retry-After");
        Assert.Contains(log, line => line.Contains("answered 429") && line.Contains("retrying in 1000 ms"));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_reported_not_slept_through()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.Add(new FaultRule(r => r.IsManifest, Fault.Status(429, retryAfter: "3600"), Times: null));
        using var client = Client();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(ImageReference.Parse($"{proxy.Address}/faults/any:1")));

        Assert.Contains("429", error.Message);
        Assert.Contains("retry after 3600 s", error.Message);
        Assert.Single(proxy.Requests, r => r.IsManifest);
    }

    [Fact]
    public async Task A_stalled_upload_times_out_and_the_retry_completes_it()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.Add(new FaultRule(r => r.Method == "PUT" && r.IsBlobUpload, Fault.StallRequest));
        using var client = Client(requestTimeout: StallTimeout);
        var image = Repository(proxy);

        var (digest, result) = await client.UploadBlobAsync(image, Layer);

        Assert.Equal(BlobUploadResult.Uploaded, result);
        Assert.Contains(log, line => line.Contains("no answer within 5 s"));
        Assert.True(await BlobExistsDirectlyAsync(image, digest));
    }

    [Fact]
    public async Task A_stalled_blob_download_fails_instead_of_hanging()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        using var client = Client(requestTimeout: StallTimeout);
        var image = Repository(proxy);
        var (digest, _) = await client.UploadBlobAsync(image, Layer);
        proxy.Add(new FaultRule(r => r.Method == "GET" && r.Path.Contains("/blobs/sha256:"), Fault.StallResponseAfter(1000)));

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetBlobBytesAsync(image, digest));

        Assert.Equal(RegistryFailure.Unreachable, error.Failure);
        Assert.Contains("stalled", error.Message);
    }

    [Fact]
    public async Task Credentials_that_expire_for_one_request_are_presented_again()
    {
        var credentials = RegistryCredentials.CreateRandom();
        await using var secured = await TestRegistry.StartAsync(credentials);
        await using var proxy = await FaultProxy.StartAsync(secured);
        using var client = new RegistryClient(new RegistryClientOptions
        {
            Credentials = new FixedCredentialSource(new Dictionary<string, RegistryCredential> { [proxy.Address] = new(credentials.UserName, credentials.Password) }),
            Log = log.Add,
        });
        var image = Repository(proxy);
        var manifest = await PushImageBlobsAsync(client, image);
        proxy.Add(new FaultRule(r => r.IsTagPut, Fault.Unauthorized));

        await client.PutManifestAsync(image, "1", ImageMediaTypes.OciManifest, manifest);

        Assert.Equal(["401 (injected)", "201"], proxy.Requests.Where(r => r.IsTagPut).Select(r => r.Outcome));
        Assert.True(Assert.Single(await TagAudit.ReadAsync(secured, image.Repository)).IsComplete);
    }

    [Fact]
    public async Task A_bearer_token_that_expires_mid_upload_is_fetched_again_and_the_blob_arrives()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.RequireBearerTokens();
        proxy.Add(new FaultRule(r => r.Method == "PUT" && r.IsBlobUpload, Fault.ExpireTokens));
        using var client = Client();
        var image = Repository(proxy);

        var (digest, result) = await client.UploadBlobAsync(image, Layer);

        Assert.Equal(BlobUploadResult.Uploaded, result);
        // One new token between the refused PUT and the one that went through.
        Assert.Equal(
            ["PUT 401 (token expired)", "GET token", "PUT 201"],
            proxy.Requests.SkipWhile(r => r.Method != "PUT").Select(r => $"{r.Method} {r.Outcome}"));
        Assert.True(await BlobExistsDirectlyAsync(image, digest));
    }

    [Fact]
    public async Task A_bearer_token_that_expires_before_the_tag_is_fetched_again_and_the_tag_names_a_complete_image()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        var tokens = proxy.RequireBearerTokens();
        using var client = Client();
        var image = Repository(proxy);
        var manifest = await PushImageBlobsAsync(client, image);
        var issuedForBlobs = tokens.Issued;
        proxy.Add(new FaultRule(r => r.IsTagPut, Fault.ExpireTokens));

        await client.PutManifestAsync(image, "1", ImageMediaTypes.OciManifest, manifest);

        Assert.Equal(["401 (token expired)", "201"], proxy.Requests.Where(r => r.IsTagPut).Select(r => r.Outcome));
        Assert.Equal(issuedForBlobs + 1, tokens.Issued);
        Assert.True(Assert.Single(await TagAudit.ReadAsync(Registry, image.Repository)).IsComplete);
    }

    [Fact]
    public async Task A_token_service_that_keeps_expiring_tokens_ends_in_one_unauthorized_error()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry);
        proxy.RequireBearerTokens();
        proxy.Add(new FaultRule(r => r.IsTagPut, Fault.ExpireTokens, Times: null));
        using var client = Client();
        var image = Repository(proxy);
        var manifest = await PushImageBlobsAsync(client, image);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.PutManifestAsync(image, "1", ImageMediaTypes.OciManifest, manifest));

        Assert.Equal(RegistryFailure.Unauthorized, error.Failure);
        Assert.Equal(2, proxy.Requests.Count(r => r.IsTagPut));
        Assert.Empty(await TagAudit.ReadAsync(Registry, image.Repository));
    }

    [Fact]
    public async Task An_insecure_HTTPS_registry_stays_on_HTTPS_through_a_connection_reset()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry, FaultProxy.NonLoopbackAddress(), tls: true);
        proxy.Add(new FaultRule(_ => true, Fault.Reset));
        using var client = Client(insecure: proxy.Address);
        var image = Repository(proxy);

        var (digest, result) = await client.UploadBlobAsync(image, Layer);

        Assert.Equal(BlobUploadResult.Uploaded, result);
        Assert.All(proxy.Requests, r => Assert.True(r.OverTls, $"{r} went over plain HTTP"));
        Assert.True(await BlobExistsDirectlyAsync(image, digest));
    }

    [Fact]
    public async Task An_insecure_plain_HTTP_registry_is_found_by_the_probe()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry, FaultProxy.NonLoopbackAddress());
        using var client = Client(insecure: proxy.Address);
        var image = Repository(proxy);

        var (digest, _) = await client.UploadBlobAsync(image, Layer);

        Assert.Contains(log, line => line.Contains("failed the TLS handshake"));
        Assert.Single(log, line => line.Contains("using HTTP for it"));
        Assert.True(await BlobExistsDirectlyAsync(image, digest));
    }

    [Fact]
    public async Task An_absolute_HTTPS_upload_location_that_keeps_failing_is_retried_a_bounded_number_of_times()
    {
        await using var proxy = await FaultProxy.StartAsync(Registry, FaultProxy.NonLoopbackAddress(), tls: true);
        proxy.Add(new FaultRule(r => r.Method == "PUT" && r.IsBlobUpload, Fault.Reset, Times: null));
        using var client = Client(insecure: proxy.Address, maxAttempts: 3);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.UploadBlobAsync(Repository(proxy), Layer));

        Assert.Equal(RegistryFailure.Unreachable, error.Failure);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(3, proxy.Requests.Count(r => r.Method == "PUT"));
        Assert.All(proxy.Requests, r => Assert.True(r.OverTls, $"{r} went over plain HTTP"));
    }

    /// <summary>Short enough that a stall costs little, long enough that the requests around it (a local registry
    /// through the proxy) never reach it on a loaded machine.</summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(5);

    private RegistryClient Client(int maxAttempts = 4, TimeSpan? retryDelay = null, TimeSpan? requestTimeout = null, string? insecure = null) => new(new RegistryClientOptions
    {
        Credentials = FixedCredentialSource.None,
        MaxAttempts = maxAttempts,
        RetryDelay = retryDelay ?? TimeSpan.FromMilliseconds(20),
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(20),
        InsecureRegistries = insecure is null ? [] : [insecure],
        Log = log.Add,
    });

    private static ImageReference Repository(FaultProxy proxy) =>
        ImageReference.Parse($"{proxy.Address}/faults/r{Guid.NewGuid().ToString("N")[..12]}");

    private async Task<bool> BlobExistsDirectlyAsync(ImageReference image, string digest)
    {
        using var http = Registry.CreateClient();
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"v2/{image.Repository}/blobs/{digest}"));
        return head.IsSuccessStatusCode;
    }

    private static async Task<byte[]> PushImageBlobsAsync(RegistryClient client, ImageReference image)
    {
        var (layer, _) = await client.UploadBlobAsync(image, Layer);
        var config = """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"""u8.ToArray();
        var (configDigest, _) = await client.UploadBlobAsync(image, config);
        return Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":2,"mediaType":"{{ImageMediaTypes.OciManifest}}",
             "config":{"mediaType":"{{ImageMediaTypes.OciConfig}}","digest":"{{configDigest}}","size":{{config.Length}}},
             "layers":[{"mediaType":"{{ImageMediaTypes.OciLayerTar}}","digest":"{{layer}}","size":{{Layer.Length}}}]}
            """);
    }
}
