namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// Docker's image-config Healthcheck. <see cref="Test"/> is <c>["CMD", argv...]</c>, <c>["CMD-SHELL", command]</c> or
/// <c>["NONE"]</c>; zero durations mean Docker's defaults (30 s interval and timeout, 0 s start period, 3 retries).
/// As a <see cref="ContainerRunOptions.HealthCheck"/> override, an empty Test keeps the image's.
/// </summary>
public sealed record HealthcheckConfig(
    IReadOnlyList<string> Test,
    TimeSpan Interval = default,
    TimeSpan Timeout = default,
    TimeSpan StartPeriod = default,
    TimeSpan StartInterval = default,
    int Retries = 0);
