namespace ContainerHealth.Probe.Grpc;

/// <summary>The health service answered: healthy only when the status is SERVING.</summary>
internal sealed class GrpcServingStatus(ProbeUrl url, int status, TimeSpan elapsed) : CheckResult
{
    public ProbeUrl Url => url;

    public int Status => status;

    public TimeSpan Elapsed => elapsed;

    public override bool IsHealthy => status == HealthCheckMessages.Serving;
}

/// <summary>The call ended with a non-zero grpc-status (or an HTTP status a gRPC client maps to one).</summary>
internal sealed class GrpcCallFailed(int grpcStatus, string detail) : CheckResult
{
    public int GrpcStatus => grpcStatus;

    /// <summary>What the status means here, or the server's grpc-message; may be empty.</summary>
    public string Detail => detail;

    public override bool IsHealthy => false;
}
