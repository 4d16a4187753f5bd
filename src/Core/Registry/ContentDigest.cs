using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ContainerHealth.Registry;

/// <summary>Content addresses (<c>sha256:&lt;hex&gt;</c>) as registries use them.</summary>
public static partial class ContentDigest
{
    public static bool IsValid(string? digest) => digest is not null && Pattern().IsMatch(digest);

    public static string Compute(ReadOnlySpan<byte> content) => Format(SHA256.HashData(content));

    public static string Compute(Stream content) => Format(SHA256.HashData(content));

    /// <summary><c>sha256:</c> and the hash in lower-case hex, as registries name blobs.</summary>
    public static string Format(ReadOnlySpan<byte> sha256) => "sha256:" + Convert.ToHexString(sha256).ToLowerInvariant();

    /// <summary>The hex part of a sha256 digest, as used for file names in caches.</summary>
    public static string Hex(string digest) =>
        IsValid(digest) ? digest["sha256:".Length..] : throw new FormatException($"'{digest}' is not a sha256 digest");

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Pattern();
}
