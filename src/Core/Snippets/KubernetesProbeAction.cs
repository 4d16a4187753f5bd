using ContainerHealth.HealthCheck;

namespace ContainerHealth.Snippets;

/// <summary>
/// The action lines of one Kubernetes probe for a protocol: <c>httpGet</c>, the native <c>grpc</c> probe (Kubernetes
/// 1.27+, grpc.health.v1 on the port, for a named service or, without one, the server as a whole), or <c>tcpSocket</c>.
/// An httpGet sends the Host header the app's host filter accepts, when the decision pinned one.
/// </summary>
public static class KubernetesProbeAction
{
    public static IReadOnlyList<string> Lines(HealthCheckProtocol protocol, string path, int port, string service = "", string hostHeader = "") => protocol switch
    {
        HealthCheckProtocol.Grpc when service.Length > 0 => ["  grpc:", $"    port: {port}", $"    service: {YamlScalar.Quote(service)}"],
        HealthCheckProtocol.Grpc => ["  grpc:", $"    port: {port}"],
        HealthCheckProtocol.Tcp => ["  tcpSocket:", $"    port: {port}"],
        _ when hostHeader.Length > 0 => ["  httpGet:", $"    path: {YamlScalar.Quote(path)}", $"    port: {port}", "    httpHeaders:", "      - name: Host", $"        value: {YamlScalar.Quote(hostHeader)}"],
        _ => ["  httpGet:", $"    path: {YamlScalar.Quote(path)}", $"    port: {port}"],
    };
}
