using System.Globalization;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Verify;

/// <summary>How the container runs during a verify: Production settings, no network unless asked, a bounded wait.</summary>
public sealed record VerifyOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How often the check runs during a verify, whatever the image says (the image is not changed).</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Failures in this first part of the run do not count (Docker's start period): an app that takes a few seconds to
    /// start is not called unhealthy for it. A longer start period in the image is kept.
    /// </summary>
    public static readonly TimeSpan MinimumStartPeriod = TimeSpan.FromSeconds(10);

    /// <summary><c>NAME=value</c> pairs for the container (<c>ContainerHealthVerifyEnvironmentVariable</c>, <c>--env</c>).</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>The container's network; <c>none</c> (loopback only) unless the app needs one to start.</summary>
    public string Network { get; init; } = "none";

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>A timeout as ContainerHealthVerifyTimeout and <c>--timeout</c> take it: a Docker duration (90s, 2m) or whole seconds, above zero.</summary>
    public static bool TryParseTimeout(string text, out TimeSpan timeout)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            timeout = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var parsed = DockerDuration.TryParse(text, out var duration) && !duration.IsZero;
        timeout = parsed ? duration.ToTimeSpan() : DefaultTimeout;
        return parsed;
    }
}
