using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ContainerHealth.TestBed.Registry.Faults;

/// <summary>
/// Token authentication in front of the registry, as Docker Hub, GHCR or ECR do it: every /v2/ request needs a
/// <c>Bearer</c> token that <c>/token</c> hands out; without a valid one the answer is 401 with a Bearer challenge naming
/// the realm and scope. <see cref="ExpireAll"/> (or <see cref="Fault.ExpireTokens"/>) makes the tokens already handed out
/// stop working, as when a token expires in the middle of a push.
/// </summary>
public sealed partial class BearerTokens(string realm)
{
    private const string Service = "containerhealth-fault-proxy";

    private readonly object gate = new();
    private readonly HashSet<string> valid = [];
    private int issued;

    /// <summary>The token endpoint's URL, as the challenge names it.</summary>
    public string Realm { get; } = realm;

    /// <summary>How many tokens were handed out so far.</summary>
    public int Issued
    {
        get
        {
            lock (gate)
            {
                return issued;
            }
        }
    }

    public void ExpireAll()
    {
        lock (gate)
        {
            valid.Clear();
        }
    }

    /// <summary>Answers the request here when it asks for a token or lacks a valid one; false lets it through to the registry.</summary>
    internal async Task<bool> TryAnswerAsync(HttpContext context, ProxiedRequest request)
    {
        if (context.Request.Path == "/token")
        {
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            lock (gate)
            {
                valid.Add(token);
                issued++;
            }

            request.Outcome = "token";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"token":"{{token}}","expires_in":300}""");
            return true;
        }

        var header = context.Request.Headers.Authorization.ToString();
        bool known;
        lock (gate)
        {
            known = header.StartsWith("Bearer ", StringComparison.Ordinal) && valid.Contains(header["Bearer ".Length..]);
        }

        if (known)
        {
            return false;
        }

        request.Outcome = header.Length == 0 ? "401 (no token)" : "401 (token expired)";
        var scope = RepositoryPath().Match(request.Path) is { Success: true } match ? $",scope=\"repository:{match.Groups[1].Value}:pull,push\"" : "";
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\",service=\"{Service}\"{scope}";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""");
        return true;
    }

    [GeneratedRegex("^/v2/(.+?)/(?:blobs|manifests|tags)/")]
    private static partial Regex RepositoryPath();
}
