using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ContainerHealth.Registry;

/// <summary>Content addresses (<c>sha256:&lt;hex&gt;</c>) as registries use them.</summary>
public static partial class ContentDigest
{
    public static bool IsValid(string? digest) => digest is not null && Pattern().IsMatch(digest);

    public static string Compute(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    /// <summary>The hex part of a sha256 digest, as used for file names in caches.</summary>
    public static string Hex(string digest) =>
        IsValid(digest) ? digest["sha256:".Length..] : throw new FormatException($"'{digest}' is not a sha256 digest");

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Pattern();
}
