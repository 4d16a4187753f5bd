namespace ContainerHealth.Verify;

/// <summary>The container a verify creates: the image as it is, with only the health timings (and a given check) set on the run.</summary>
internal sealed record ContainerSpec(
    string Name,
    string Image,
    IReadOnlyList<string>? Test,
    TimeSpan Interval,
    TimeSpan Timeout,
    TimeSpan StartPeriod,
    int Retries,
    IReadOnlyList<string> Environment,
    string Network,
    IReadOnlyDictionary<string, string> Labels);
