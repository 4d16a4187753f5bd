using System.Net;
using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Registry;

/// <summary>
/// How <see cref="RegistryClient"/> sends one logical request: the registry's base address (HTTP or HTTPS, decided once),
/// the authorization it has, one answer to a 401 challenge, and at most <see cref="RegistryClientOptions.MaxAttempts"/>
/// attempts with backoff for transient failures.
/// </summary>
internal sealed class RegistryTransport(HttpClient http, RegistryClientOptions options, RegistryAuthenticator authenticator, RegistrySchemes schemes)
{
    /// <summary>Sends with authentication (answering one challenge) and retries; <paramref name="path"/> may be absolute (upload locations).</summary>
    public async Task<HttpResponseMessage> SendAsync(
        ImageReference target,
        string scope,
        string path,
        Func<HttpRequestMessage> create,
        HttpCompletionOption completion,
        CancellationToken cancellationToken,
        bool replayable = true)
    {
        var registry = target.Registry;
        var response = await SendWithRetriesAsync(registry, scope, create, completion, replayable, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var challenge = AuthenticationChallenge.From(response.Headers);
        response.Dispose();
        if (challenge is null)
        {
            throw new RegistryException(RegistryFailure.Unauthorized, $"{registry} refused {path} (401) without saying how to authenticate", HttpStatusCode.Unauthorized);
        }

        if (!replayable)
        {
            throw new RegistryException(RegistryFailure.Unauthorized, $"{registry} asked to authenticate in the middle of an upload; retry the operation", HttpStatusCode.Unauthorized);
        }

        await authenticator.AnswerAsync(registry, challenge, scope, cancellationToken);
        response = await SendWithRetriesAsync(registry, scope, create, completion, replayable, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            var who = options.Credentials.Find(registry)?.ToString() ?? "anonymous access";
            throw new RegistryException(
                RegistryFailure.Unauthorized,
                $"{registry} refused {who} to {target.Repository} (401); check `docker login {registry}`",
                HttpStatusCode.Unauthorized);
        }

        return response;
    }

    /// <summary>
    /// At most <see cref="RegistryClientOptions.MaxAttempts"/> attempts, whatever fails: transient statuses and
    /// connection-level failures wait (Retry-After on 429/503, else exponential backoff) and try again.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(
        string registry, string scope, Func<HttpRequestMessage> create, HttpCompletionOption completion, bool replayable, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var retry = replayable && attempt < attempts;
            var request = create();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(options.RequestTimeout);
            TimeSpan delay;
            try
            {
                var baseUri = await schemes.BaseUriAsync(registry, deadline.Token);
                request.RequestUri = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : new Uri(baseUri, request.RequestUri!.OriginalString);
                if (authenticator.Find(registry, scope) is { } authorization && SameHost(request.RequestUri, baseUri))
                {
                    request.Headers.Authorization = authorization;
                }

                var response = await http.SendAsync(request, completion, deadline.Token);
                if (!IsTransient(response.StatusCode) || !retry || RetryDelay(response, attempt) is not { } wait)
                {
                    return response;
                }

                delay = wait;
                options.Log?.Invoke($"{registry} answered {(int)response.StatusCode} to {request.Method} {request.RequestUri.AbsolutePath}; retrying in {delay.TotalMilliseconds:0} ms (attempt {attempt + 1} of {attempts})");
                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = e is OperationCanceledException ? $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s" : e.Message;
                var what = request.RequestUri is { IsAbsoluteUri: true } uri ? $"{request.Method} {uri.GetLeftPart(UriPartial.Path)}" : $"{request.Method} {request.RequestUri}";
                if (!retry)
                {
                    var tries = attempt == 1 ? "" : $" after {attempt} attempts";
                    throw new RegistryException(RegistryFailure.Unreachable, $"{registry} is unreachable{tries} ({what}): {reason}", inner: e);
                }

                delay = Backoff(attempt);
                options.Log?.Invoke($"{what} on {registry} failed ({reason}); retrying in {delay.TotalMilliseconds:0} ms (attempt {attempt + 1} of {attempts})");
            }

            request.Dispose();
            await Task.Delay(delay, cancellationToken);
        }
    }

    private static bool SameHost(Uri request, Uri registry) =>
        string.Equals(request.Authority, registry.Authority, StringComparison.OrdinalIgnoreCase);

    /// <summary>Exponential from <see cref="RegistryClientOptions.RetryDelay"/>, capped, with jitter so parallel clients spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryDelay * Math.Pow(2, attempt - 1);
        var capped = exponential < options.MaxRetryDelay ? exponential : options.MaxRetryDelay;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>
    /// How long to wait before the next attempt: the registry's Retry-After on 429 and 503 (delay or date), else the
    /// backoff. Null when the registry asks for longer than <see cref="RegistryClientOptions.MaxRetryDelay"/>: the
    /// caller then reports the answer instead of sleeping through a build.
    /// </summary>
    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || RetryAfter(response) is not { } asked)
        {
            return Backoff(attempt);
        }

        return asked <= options.MaxRetryDelay ? asked : null;
    }

    /// <summary>The registry's Retry-After as a delay (a date becomes the time left).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
        _ => null,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
