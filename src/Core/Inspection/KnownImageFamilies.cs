using ContainerHealth.Registry;

namespace ContainerHealth.Inspection;

/// <summary>
/// What well-known base image families hold, judged from the reference alone, for when the layers cannot be read:
/// Microsoft's .NET images (chiseled, distroless, alpine, Debian/Ubuntu), gcr.io/distroless, cgr.dev/chainguard and the
/// Docker Official alpine/busybox/debian/ubuntu. Anything else is unknown.
/// </summary>
public static class KnownImageFamilies
{
    private static readonly string[] ShellAndFetchers = ["sh", "bash", "curl", "wget"];

    public static ImageFacts Judge(ImageReference image, string platform, string reason)
    {
        var facts = new ImageFacts
        {
            Image = image.ToString(),
            Platform = platform,
            Source = FactsSource.Name,
            InspectionFailure = reason,
        };
        var tag = (image.Tag ?? "").ToLowerInvariant();
        var name = image.Repository;
        return (image.Registry, name) switch
        {
            ("mcr.microsoft.com", _) when name.StartsWith("dotnet/", StringComparison.Ordinal) => MicrosoftDotnet(facts, tag),
            ("gcr.io", _) when name.StartsWith("distroless/", StringComparison.Ordinal) => Distroless(facts, name, tag),
            ("cgr.dev", _) when name.StartsWith("chainguard/", StringComparison.Ordinal) => Chainguard(facts, name, tag),
            (ImageReference.DockerHub, "library/alpine") => Alpine(facts),
            (ImageReference.DockerHub, "library/busybox") => facts with
            {
                HasShell = true, ShellTarget = "/bin/busybox", ExecutablesOnPath = ["busybox", "sh", "wget"], KnownAbsent = ["curl", "bash"],
                BusyboxApplets = ["sh", "wget"], Libc = LibcKind.Unknown,
            },
            (ImageReference.DockerHub, "library/debian" or "library/ubuntu") => facts with
            {
                HasShell = true, ExecutablesOnPath = ["sh", "bash", "dash"], KnownAbsent = ["curl", "wget"], Libc = LibcKind.Glibc,
            },
            _ => facts with { Source = FactsSource.Unknown },
        };
    }

    private static ImageFacts MicrosoftDotnet(ImageFacts facts, string tag)
    {
        if (tag.Contains("-chiseled") || tag.Contains("-distroless"))
        {
            return facts with { HasShell = false, KnownAbsent = ShellAndFetchers, Libc = LibcKind.Glibc, User = "app" };
        }

        if (tag.Contains("-alpine"))
        {
            return Alpine(facts);
        }

        if (tag.Contains("-nanoserver") || tag.Contains("-windowsservercore"))
        {
            return facts with { Source = FactsSource.Unknown };
        }

        // The default tags (10.0, 10.0-noble, 8.0-bookworm-slim, -jammy, -azurelinux3.0): dash/bash, neither curl nor wget.
        return facts with { HasShell = true, ExecutablesOnPath = ["sh", "bash"], KnownAbsent = ["curl", "wget"], Libc = LibcKind.Glibc };
    }

    private static ImageFacts Distroless(ImageFacts facts, string name, string tag)
    {
        var libc = name.Contains("/static") ? LibcKind.None : LibcKind.Glibc;
        return tag.Contains("debug")
            ? facts with
            {
                HasShell = true, ShellTarget = "/busybox/sh", ExecutablesOnPath = ["sh", "wget", "busybox"], KnownAbsent = ["curl", "bash"],
                BusyboxApplets = ["sh", "wget"], Libc = libc,
            }
            : facts with { HasShell = false, KnownAbsent = ShellAndFetchers, Libc = libc };
    }

    private static ImageFacts Chainguard(ImageFacts facts, string name, string tag)
    {
        var libc = name == "chainguard/static" ? LibcKind.None : LibcKind.Glibc;
        return tag.Contains("-dev") || name is "chainguard/wolfi-base" or "chainguard/busybox"
            ? facts with { HasShell = true, ExecutablesOnPath = ["sh", "busybox"], KnownAbsent = ["curl"], Libc = libc }
            : facts with { HasShell = false, KnownAbsent = ShellAndFetchers, Libc = libc };
    }

    private static ImageFacts Alpine(ImageFacts facts) => facts with
    {
        HasShell = true, ShellTarget = "/bin/busybox", ExecutablesOnPath = ["sh", "wget", "busybox"], KnownAbsent = ["curl", "bash"],
        BusyboxApplets = ["sh", "wget"], Libc = LibcKind.Musl,
    };
}
