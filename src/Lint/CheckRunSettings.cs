using ContainerHealth.HealthCheck;

namespace ContainerHealth.Lint;

/// <summary>
/// What a platform hands the engine for a check, as Docker's test array (<c>CMD</c>, <c>CMD-SHELL</c>) with its timeout and
/// retries (zero: the platform's default), so verify can run the check as the platform would. Kubelet-side probes
/// (httpGet, tcpSocket, grpc) have none: the kubelet runs them from outside the container.
/// </summary>
public sealed record CheckRunSettings(IReadOnlyList<string> Test, DockerDuration Timeout, int Retries);
