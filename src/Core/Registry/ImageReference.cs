using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ContainerHealth.Registry;

/// <summary>
/// A parsed image reference, <c>[registry/]repository[:tag][@digest]</c>, with Docker's defaults applied:
/// no registry means <c>docker.io</c>, a one-part Docker Hub name gets <c>library/</c>, no tag and no digest means <c>latest</c>.
/// </summary>
public sealed partial record ImageReference
{
    public const string DockerHub = "docker.io";

    public ImageReference(string registry, string repository, string? tag = null, string? digest = null)
    {
        if (string.IsNullOrWhiteSpace(registry))
        {
            throw new FormatException("an image reference needs a registry");
        }

        if (!RepositoryPattern().IsMatch(repository))
        {
            throw new FormatException($"'{repository}' is not a valid repository name (lowercase letters, digits, '.', '_', '-', '/')");
        }

        if (tag is not null && !TagPattern().IsMatch(tag))
        {
            throw new FormatException($"'{tag}' is not a valid tag");
        }

        if (digest is not null && !ContentDigest.IsValid(digest))
        {
            throw new FormatException($"'{digest}' is not a valid digest (expected sha256:<64 hex digits>)");
        }

        Registry = registry == "index.docker.io" || registry == "registry-1.docker.io" ? DockerHub : registry;
        Repository = Registry == DockerHub && !repository.Contains('/') ? "library/" + repository : repository;
        Tag = tag ?? (digest is null ? "latest" : null);
        Digest = digest;
    }

    /// <summary>Registry host with optional port, e.g. <c>mcr.microsoft.com</c>, <c>localhost:5000</c>, <c>docker.io</c>.</summary>
    public string Registry { get; }

    /// <summary>Repository path inside the registry, e.g. <c>dotnet/aspnet</c>, <c>library/alpine</c>.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>What to ask the registry for: the digest when pinned, else the tag.</summary>
    public string Reference => Digest ?? Tag!;

    public ImageReference WithDigest(string digest) => new(Registry, Repository, Tag, digest);

    public ImageReference WithTag(string tag) => new(Registry, Repository, tag, null);

    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference) =>
        TryParse(text, out reference, out _);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference, out string error)
    {
        reference = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "the image reference is empty";
            return false;
        }

        string? digest = null;
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            text = text[..at];
        }

        string? tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }

        var registry = DockerHub;
        var slash = text.IndexOf('/');
        if (slash > 0)
        {
            var first = text[..slash];
            if (first.Contains('.') || first.Contains(':') || first == "localhost")
            {
                registry = first;
                text = text[(slash + 1)..];
            }
        }

        try
        {
            reference = new ImageReference(registry, text, tag, digest);
            error = "";
            return true;
        }
        catch (FormatException e)
        {
            error = $"'{text}' is not an image reference: {e.Message}";
            return false;
        }
    }

    public override string ToString() =>
        $"{Registry}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();
}
