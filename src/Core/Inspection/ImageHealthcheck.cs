namespace ContainerHealth.Inspection;

/// <summary>The <c>Healthcheck</c> of an image config: the test (e.g. <c>["CMD", "curl", ...]</c>) and its timings.</summary>
public sealed record ImageHealthcheck(
    IReadOnlyList<string> Test,
    TimeSpan? Interval = null,
    TimeSpan? Timeout = null,
    TimeSpan? StartPeriod = null,
    TimeSpan? StartInterval = null,
    int? Retries = null);
