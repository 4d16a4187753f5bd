namespace ContainerHealth.Registry.Authentication;

/// <summary>
/// A user name and secret for one registry, or an identity (refresh) token. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class RegistryCredential
{
    public RegistryCredential(string username, string secret, bool isIdentityToken = false)
    {
        Username = username;
        Secret = secret;
        IsIdentityToken = isIdentityToken;
    }

    public string Username { get; }

    public string Secret { get; }

    /// <summary>True when <see cref="Secret"/> is an OAuth2 refresh token (Docker's <c>identitytoken</c>).</summary>
    public bool IsIdentityToken { get; }

    public string BasicHeaderValue => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Username + ":" + Secret));

    public override string ToString() => IsIdentityToken ? "identity token" : $"user '{Username}'";
}
