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
}
