namespace ContainerHealth.HealthCheck;

/// <summary>What Docker stores as an image's <c>config.Healthcheck</c>: the test and its timing.</summary>
public sealed record HealthCheckDefinition(
    IReadOnlyList<string> Test,
    DockerDuration Interval,
    DockerDuration Timeout,
    DockerDuration StartPeriod,
    DockerDuration StartInterval,
    int Retries)
{
    /// <summary>The test as an exec-form argument vector, without the leading <c>CMD</c>/<c>CMD-SHELL</c> keyword.</summary>
    public IReadOnlyList<string> Arguments => Test.Skip(1).ToArray();

    public bool IsShellForm => Test.Count > 0 && Test[0] == HealthCheckCommand.ShellKeyword;

    public bool Equals(HealthCheckDefinition? other) =>
        other is not null
        && Test.SequenceEqual(other.Test)
        && Interval == other.Interval
        && Timeout == other.Timeout
        && StartPeriod == other.StartPeriod
        && StartInterval == other.StartInterval
        && Retries == other.Retries;

    public override int GetHashCode() => HashCode.Combine(Test.Count, Interval, Timeout, StartPeriod, StartInterval, Retries);
}
