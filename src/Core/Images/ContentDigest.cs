using System.Security.Cryptography;

namespace ContainerHealth.Images;

/// <summary>The <c>sha256:&lt;hex&gt;</c> content address registries and image layouts use.</summary>
public static class ContentDigest
{
    public const string Prefix = "sha256:";

    public static string Of(ReadOnlySpan<byte> content) => Prefix + Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    public static string Of(string content) => Of(System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>The hex part, as used in blob paths and docker-archive file names.</summary>
    public static string Hex(string digest) =>
        digest.StartsWith(Prefix, StringComparison.Ordinal) ? digest[Prefix.Length..] : throw new FormatException($"'{digest}' is not a sha256 digest");
}
