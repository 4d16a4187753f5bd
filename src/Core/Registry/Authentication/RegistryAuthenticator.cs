using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ContainerHealth.Registry.Authentication;

/// <summary>
/// Answers registry challenges: Basic with the user's credential, Bearer by fetching a token from the challenge's realm
/// (anonymously when there is no credential). Remembers the answer per registry and scope until the token expires.
/// </summary>
internal sealed class RegistryAuthenticator(HttpClient http, IRegistryCredentialSource credentials, TimeSpan timeout, Action<string>? log)
{
    private readonly ConcurrentDictionary<string, (AuthenticationHeaderValue Header, DateTimeOffset Expires)> answers = new();

    public AuthenticationHeaderValue? Find(string registry, string scope) =>
        answers.TryGetValue(registry + " " + scope, out var answer) && answer.Expires > DateTimeOffset.UtcNow ? answer.Header : null;

    public async Task<AuthenticationHeaderValue> AnswerAsync(string registry, AuthenticationChallenge challenge, string scope, CancellationToken cancellationToken)
    {
        var credential = credentials.Find(registry);
        AuthenticationHeaderValue header;
        var expires = DateTimeOffset.MaxValue;
        if (challenge.IsBasic)
        {
            if (credential is null || credential.IsIdentityToken)
            {
                throw new RegistryException(
                    RegistryFailure.Unauthorized,
                    $"{registry} requires a user name and password (401); run `docker login {registry}` or set credentials in {DockerConfigCredentialSource.DefaultConfigPath()}",
                    HttpStatusCode.Unauthorized);
            }

            header = new AuthenticationHeaderValue("Basic", credential.BasicHeaderValue);
        }
        else if (challenge.IsBearer && challenge.Realm is { Length: > 0 } realm)
        {
            var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (challenge.Scope is { Length: > 0 } asked && !scopes.Contains(asked))
            {
                scopes.Add(asked);
            }

            (var token, var lifetime) = await FetchTokenAsync(registry, realm, challenge.Service, scopes, credential, cancellationToken);
            header = new AuthenticationHeaderValue("Bearer", token);
            // Renew a little early so a token never expires between lookup and use.
            expires = DateTimeOffset.UtcNow + lifetime - TimeSpan.FromSeconds(Math.Min(10, lifetime.TotalSeconds / 2));
        }
        else
        {
            throw new RegistryException(RegistryFailure.Unauthorized, $"{registry} asks for '{challenge.Scheme}' authentication, which is not supported", HttpStatusCode.Unauthorized);
        }

        answers[registry + " " + scope] = (header, expires);
        log?.Invoke($"authenticated to {registry} ({(credential is null ? "anonymous" : credential.ToString())}, {challenge.Scheme})");
        return header;
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(
        string registry, string realm, string? service, IReadOnlyList<string> scopes, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (service is not null)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.AddRange(scopes.Select(s => "scope=" + Uri.EscapeDataString(s)));

        HttpRequestMessage request;
        if (credential is { IsIdentityToken: true })
        {
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = credential.Secret,
                ["client_id"] = "containerhealth",
                ["scope"] = string.Join(' ', scopes),
            };
            if (service is not null)
            {
                form["service"] = service;
            }

            request = new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
        }
        else
        {
            var separator = realm.Contains('?') ? "&" : "?";
            request = new HttpRequestMessage(HttpMethod.Get, realm + (query.Count == 0 ? "" : separator + string.Join('&', query)));
            if (credential is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.BasicHeaderValue);
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, deadline.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new RegistryException(RegistryFailure.Unreachable, $"the token service of {registry} ({realm}) is unreachable: {e.Message}", inner: e);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new RegistryException(
                    RegistryFailure.Unauthorized,
                    $"the token service of {registry} refused {(credential is null ? "anonymous access" : credential.ToString())} ({(int)response.StatusCode}); check `docker login {registry}`",
                    response.StatusCode);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryException(RegistryFailure.Protocol, $"the token service of {registry} answered {(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode);
            }

            try
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
                var root = document.RootElement;
                var token = root.TryGetProperty("token", out var t) ? t.GetString()
                    : root.TryGetProperty("access_token", out var a) ? a.GetString() : null;
                if (string.IsNullOrEmpty(token))
                {
                    throw new RegistryException(RegistryFailure.Protocol, $"the token service of {registry} returned no token");
                }

                var seconds = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) && s > 0 ? s : 60;
                return (token, TimeSpan.FromSeconds(seconds));
            }
            catch (JsonException e)
            {
                throw new RegistryException(RegistryFailure.Protocol, $"the token service of {registry} returned invalid JSON: {e.Message}", inner: e);
            }
        }
    }
}
