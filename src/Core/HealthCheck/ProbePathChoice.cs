using ContainerHealth.Diagnostics;

namespace ContainerHealth.HealthCheck;

/// <summary>
/// The path an http check probes: ContainerHealthCheckPath when the project sets one; else the health endpoint the app
/// maps in Production, as the analyzers recorded it in the built assembly (<see cref="AppHealthEndpoints.ChooseProbePath"/>:
/// a liveness endpoint among several); else <see cref="HealthCheckDefaults.Path"/>. A probed path the app's record does
/// not confirm (no record, an analysis that could not follow every route, a path the app does not map) is said with
/// CH1018, once per publish, by whoever reports the decision.
/// </summary>
public static class ProbePathChoice
{
    public const string ProjectSource = "ContainerHealthCheckPath";
    public const string AppSource = "the app's mapped health endpoints";
    public const string DefaultSource = "the default";

    /// <param name="projectPath">ContainerHealthCheckPath, already validated, or null when the project sets none.</param>
    /// <param name="appAssembly">The built app assembly that may carry the analyzers' record, or empty.</param>
    public static ProbePathDecision Decide(string? projectPath, bool probesHttp, string appAssembly)
    {
        if (!probesHttp)
        {
            return new ProbePathDecision(projectPath ?? HealthCheckDefaults.Path, projectPath is null ? DefaultSource : ProjectSource, null, null, null);
        }

        var endpoints = AppHealthEndpointsReader.Read(appAssembly);
        var seen = endpoints is null ? null : new AppEndpointsSeen(endpoints.Confirmed, endpoints.Unconfirmed.Select(u => $"{u.Path} ({u.Reason})").ToList(), endpoints.Complete);
        if (projectPath is not null)
        {
            return new ProbePathDecision(projectPath, ProjectSource, seen, null, Unconfirmed(projectPath, seen));
        }

        if (endpoints?.ChooseProbePath() is { } chosen)
        {
            var why = endpoints.Confirmed.Count == 1
                ? "the only one it maps"
                : AppHealthEndpoints.IsLiveness(chosen)
                    ? "its liveness endpoint: a failing container check gets the container restarted or replaced, which helps a hung process, not a dependency that is down"
                    : "the first one it maps";
            var line = $"ContainerHealth: health endpoints the app maps in Production: {string.Join(", ", endpoints.Confirmed)}; the HEALTHCHECK probes {chosen} ({why}). Set ContainerHealthCheckPath to choose another.";
            return new ProbePathDecision(chosen, AppSource, seen, line, Unconfirmed(chosen, seen));
        }

        return new ProbePathDecision(HealthCheckDefaults.Path, DefaultSource, seen, null, Unconfirmed(HealthCheckDefaults.Path, seen));
    }

    /// <summary>
    /// The path Kubernetes' readiness probe asks when it should differ from liveness: the HEALTHCHECK probes the app's
    /// liveness endpoint and the app also maps another confirmed one (Aspire's <c>/health</c>), which reports the app's
    /// dependencies: one that is down should take the pod out of the load balancer, not restart it. Else null.
    /// </summary>
    public static string? ReadinessPath(HealthCheckDecisionRecord record) =>
        record.PathSource == AppSource && record.AppEndpoints is { } seen && AppHealthEndpoints.IsLiveness(record.Path)
            ? seen.Confirmed.FirstOrDefault(p => !AppHealthEndpoints.IsLiveness(p))
            : null;

    /// <summary>The CH1018 text when <paramref name="path"/> is not confirmed to answer in Production, else null.</summary>
    private static string? Unconfirmed(string path, AppEndpointsSeen? seen)
    {
        if (seen is not null && seen.Confirmed.Contains(path, StringComparer.Ordinal))
        {
            return null;
        }

        var what = seen is null
            ? "the app's assembly has no record of its health endpoints (the ContainerHealth analyzers did not run on it)"
            : seen.Confirmed.Count + seen.Unconfirmed.Count == 0
                ? "no health endpoint seen in the app" + (seen.Complete ? "" : " (it maps routes the analysis could not follow)")
                : "health endpoints seen: " + string.Join(", ", seen.Confirmed.Concat(seen.Unconfirmed)) + (seen.Complete ? "" : ", and routes the analysis could not follow");
        return $"ContainerHealth: {what}; cannot confirm {path} answers in Production. Set ContainerHealthCheckPath to a path the app maps, or ContainerHealthVerify=true to check it for real. ({DiagnosticCodes.HelpLink(DiagnosticCodes.ProbePathUnconfirmed)})";
    }
}

/// <summary>The path an http check probes, where it came from, what the app's record said, and what to tell the user.</summary>
/// <param name="ChoiceLine">The build output's line about a path chosen from the app's endpoints, or null.</param>
/// <param name="Unconfirmed">The CH1018 message when the path is not confirmed to answer in Production, or null.</param>
public sealed record ProbePathDecision(string Path, string Source, AppEndpointsSeen? Seen, string? ChoiceLine, string? Unconfirmed);

/// <summary>The app's health endpoints as its assembly records them: confirmed paths, the others with why, and whether the analysis saw every route.</summary>
public sealed record AppEndpointsSeen(IReadOnlyList<string> Confirmed, IReadOnlyList<string> Unconfirmed, bool Complete);
