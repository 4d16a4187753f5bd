namespace ContainerHealth.Probe;

/// <summary>An address that did not accept a connection, and the errno it failed with.</summary>
internal sealed class ConnectAttempt(IpEndpoint endpoint, int error)
{
    public IpEndpoint Endpoint => endpoint;

    public int Error => error;
}
