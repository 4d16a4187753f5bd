using ContainerHealth.HealthCheck;

namespace ContainerHealth.Verify;

/// <summary>
/// The check a verify runs: the image's own HEALTHCHECK (<see cref="Test"/> null), or a deployment file's, as Docker's
/// test array (<c>CMD</c>/<c>CMD-SHELL</c>) with the timeout and retries the platform gives it. The interval and start
/// period are the verify's own, so a verdict comes quickly; the image is never changed.
/// </summary>
public sealed record VerifyCheck(IReadOnlyList<string>? Test, DockerDuration Timeout = default, int Retries = 0)
{
    public static VerifyCheck ImageOwn { get; } = new((IReadOnlyList<string>?)null);
}
