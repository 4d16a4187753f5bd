using System;
using System.Collections.Generic;
using System.Linq;

namespace ContainerHealth;

/// <summary>
/// What the compiler found about the app's health endpoints, carried into the built assembly as
/// <c>[assembly: AssemblyMetadata("ContainerHealth.HealthEndpoints", "...")]</c> and read by the build's decision, which
/// probes <see cref="ChooseProbePath"/> when the project sets no ContainerHealthCheckPath. One file, compiled into the
/// analyzers (writer) and into Core (reader), so the format and the choice cannot drift apart.
/// </summary>
internal sealed class AppHealthEndpoints
{
    public const string MetadataKey = "ContainerHealth.HealthEndpoints";

    private const string Version = "v1";

    public AppHealthEndpoints(IReadOnlyList<string> confirmed, IReadOnlyList<UnconfirmedHealthEndpoint> unconfirmed, bool complete)
    {
        Confirmed = confirmed;
        Unconfirmed = unconfirmed;
        Complete = complete;
    }

    /// <summary>Paths of health endpoints that answer an anonymous GET in Production, in the order the app maps them.</summary>
    public IReadOnlyList<string> Confirmed { get; }

    /// <summary>Health endpoints seen that may not answer in Production, each with why (Development only, authorized, ...).</summary>
    public IReadOnlyList<UnconfirmedHealthEndpoint> Unconfirmed { get; }

    /// <summary>False when the app maps routes the analysis could not follow: a path not listed may still answer.</summary>
    public bool Complete { get; }

    /// <summary>
    /// The path the container probes when the project names none: the only confirmed endpoint; among several, the first
    /// liveness endpoint (<c>/alive</c>, <c>/live</c>, <c>/livez</c>, <c>/liveness</c>, or <c>.../live</c>): a container check
    /// that fails gets the task restarted or replaced, which helps a hung process, not a database that is down (what the
    /// readiness endpoint, Aspire's <c>/health</c>, also reports); else the first one mapped. Null when none is confirmed.
    /// </summary>
    public string? ChooseProbePath()
    {
        if (Confirmed.Count == 0)
        {
            return null;
        }

        foreach (var path in Confirmed)
        {
            if (IsLiveness(path))
            {
                return path;
            }
        }

        return Confirmed[0];
    }

    public static bool IsLiveness(string path)
    {
        var trimmed = path.TrimEnd('/');
        var lastSegment = trimmed.Substring(trimmed.LastIndexOf('/') + 1).ToLowerInvariant();
        return lastSegment is "alive" or "live" or "livez" or "liveness";
    }

    /// <summary><c>v1|complete|/alive;/health|/ready=Development only</c>, each piece escaped.</summary>
    public string Format() =>
        string.Join("|",
            Version,
            Complete ? "complete" : "incomplete",
            string.Join(";", Confirmed.Select(Uri.EscapeDataString)),
            string.Join(";", Unconfirmed.Select(u => Uri.EscapeDataString(u.Path) + "=" + Uri.EscapeDataString(u.Reason))));

    public static bool TryParse(string? text, out AppHealthEndpoints endpoints)
    {
        endpoints = new AppHealthEndpoints([], [], complete: false);
        var parts = (text ?? "").Split('|');
        if (parts.Length != 4 || parts[0] != Version || parts[1] is not ("complete" or "incomplete"))
        {
            return false;
        }

        var confirmed = SplitList(parts[2]).Select(Uri.UnescapeDataString).ToList();
        var unconfirmed = new List<UnconfirmedHealthEndpoint>();
        foreach (var entry in SplitList(parts[3]))
        {
            var pathAndReason = entry.Split(['='], 2);
            if (pathAndReason.Length != 2)
            {
                return false;
            }

            unconfirmed.Add(new UnconfirmedHealthEndpoint(Uri.UnescapeDataString(pathAndReason[0]), Uri.UnescapeDataString(pathAndReason[1])));
        }

        endpoints = new AppHealthEndpoints(confirmed, unconfirmed, parts[1] == "complete");
        return true;
    }

    private static string[] SplitList(string text) => text.Length == 0 ? [] : text.Split(';');
}

/// <summary>A health endpoint the app maps that may not answer the probe in Production, and why.</summary>
internal sealed class UnconfirmedHealthEndpoint
{
    public UnconfirmedHealthEndpoint(string path, string reason)
    {
        Path = path;
        Reason = reason;
    }

    public string Path { get; }

    public string Reason { get; }
}
