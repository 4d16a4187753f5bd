using ContainerHealth.Images;
using System.Net;
using System.Text;
using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Core.Tests.Registry;

/// <summary>
/// The bearer-token dance (challenge → token service → retry) in process: Debian's docker-registry needs a signed
/// JWT issuer for token auth, so this side is exercised against a transport that answers like Docker Hub does.
/// </summary>
[Trait("Tier", "Unit")]
public class BearerTokenTests
{
    [Fact]
    public async Task Fetches_an_anonymous_token_for_the_challenged_scope_and_reuses_it()
    {
        var hub = new TokenRegistry();
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = FixedCredentialSource.None }, hub);
        var image = ImageReference.Parse("registry.example.com/library/app:1");

        await client.GetManifestAsync(image);
        await client.GetManifestAsync(image);

        var token = Assert.Single(hub.TokenRequests);
        Assert.Contains("scope=repository%3Alibrary%2Fapp%3Apull", token.RequestUri!.Query);
        Assert.Contains("service=registry.example.com", token.RequestUri.Query);
        Assert.Null(token.Headers.Authorization);
    }

    [Fact]
    public async Task Sends_the_users_credential_to_the_token_service_only()
    {
        var hub = new TokenRegistry();
        var credentials = new FixedCredentialSource(new Dictionary<string, RegistryCredential>
        {
            ["registry.example.com"] = new("someone", "pw"),
        });
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = credentials }, hub);

        await client.GetManifestAsync(ImageReference.Parse("registry.example.com/library/app:1"));

        Assert.Equal("Basic", Assert.Single(hub.TokenRequests).Headers.Authorization?.Scheme);
        Assert.All(hub.RegistryRequests, r => Assert.NotEqual("Basic", r.Headers.Authorization?.Scheme));
    }

    [Fact]
    public async Task Exchanges_an_identity_token_with_a_refresh_token_grant()
    {
        var hub = new TokenRegistry();
        var credentials = new FixedCredentialSource(new Dictionary<string, RegistryCredential>
        {
            ["registry.example.com"] = new("<token>", "refresh-123", isIdentityToken: true),
        });
        using var client = new RegistryClient(new RegistryClientOptions { Credentials = credentials }, hub);

        await client.GetManifestAsync(ImageReference.Parse("registry.example.com/library/app:1"));

        var token = Assert.Single(hub.TokenRequests);
        Assert.Equal(HttpMethod.Post, token.Method);
        Assert.Contains("grant_type=refresh_token", hub.TokenBodies.Single());
        Assert.Contains("refresh_token=refresh-123", hub.TokenBodies.Single());
    }

    [Fact]
    public async Task Retries_a_503_and_then_succeeds()
    {
        var hub = new TokenRegistry { UnavailableAnswers = 2 };
        using var client = new RegistryClient(
            new RegistryClientOptions { Credentials = FixedCredentialSource.None, RetryDelay = TimeSpan.FromMilliseconds(1) }, hub);

        var manifest = await client.GetManifestAsync(ImageReference.Parse("registry.example.com/library/app:1"));

        Assert.Equal(ImageMediaTypes.OciManifest, manifest.MediaType);
        Assert.Equal(0, hub.UnavailableAnswers);
    }

    private sealed class TokenRegistry : HttpMessageHandler
    {
        public List<HttpRequestMessage> TokenRequests { get; } = [];

        public List<string> TokenBodies { get; } = [];

        public List<HttpRequestMessage> RegistryRequests { get; } = [];

        public int UnavailableAnswers { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.Host == "auth.example.com")
            {
                TokenRequests.Add(request);
                TokenBodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
                return Json("""{"token":"issued","expires_in":300}""");
            }

            RegistryRequests.Add(request);
            if (UnavailableAnswers > 0)
            {
                UnavailableAnswers--;
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            if (request.Headers.Authorization?.ToString() != "Bearer issued")
            {
                var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
                challenge.Headers.TryAddWithoutValidation("WWW-Authenticate",
                    "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:library/app:pull\"");
                return challenge;
            }

            var manifest = Json("""{"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":2},"layers":[]}""");
            manifest.Content.Headers.ContentType = new(ImageMediaTypes.OciManifest);
            return manifest;
        }

        private static HttpResponseMessage Json(string json) =>
            new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
