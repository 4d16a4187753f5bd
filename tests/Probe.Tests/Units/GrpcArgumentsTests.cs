namespace ContainerHealth.Probe.Tests.Units;

/// <summary>How grpc:// URLs, --protocol and --service are read.</summary>
[Trait("Tier", "Unit")]
public sealed class GrpcArgumentsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData("grpc://localhost:8080", "grpc://localhost:8080")]
    [InlineData("grpc://localhost:8080/", "grpc://localhost:8080")]
    [InlineData("GRPC://10.0.0.5:50051/orders.v1.Orders", "grpc://10.0.0.5:50051/orders.v1.Orders")]
    [InlineData("grpc://[::1]:5000/ready", "grpc://[::1]:5000/ready")]
    public void Grpc_url_names_host_port_and_service(string text, string expected)
    {
        var options = ProbeArguments.Parse([text], NoEnvironment).Options!;

        Assert.Equal(ProbeScheme.Grpc, options.Url.Scheme);
        Assert.Equal(expected, options.Url.ToString());
    }

    [Theory]
    [InlineData("grpc://localhost", "needs a port, e.g. grpc://localhost:8080")]
    [InlineData("grpc://localhost:8080/a/b", "after host:port comes only /service")]
    [InlineData("grpc://localhost:8080/a?b", "after host:port comes only /service")]
    public void Bad_grpc_urls_say_what_to_write(string text, string problem)
    {
        var parsed = ProbeArguments.Parse([text], NoEnvironment);

        Assert.Null(parsed.Options);
        Assert.Contains(problem, parsed.Error);
    }

    [Fact]
    public void Service_option_replaces_the_service_of_the_url()
    {
        var options = ProbeArguments.Parse(["grpc://app:5000/old", "--service", "new.Service"], NoEnvironment).Options!;

        Assert.Equal("grpc://app:5000/new.Service", options.Url.ToString());
        Assert.Equal("grpc://app:5000", ProbeArguments.Parse(["grpc://app:5000/old", "--service="], NoEnvironment).Options!.Url.ToString());
    }

    [Fact]
    public void Protocol_grpc_without_a_url_takes_the_port_from_the_environment()
    {
        var options = ProbeArguments.Parse(["--protocol", "grpc", "--service", "ready"], name => name == "HTTP_PORTS" ? "5001" : null).Options!;

        Assert.Equal("grpc://localhost:5001/ready", options.Url.ToString());
    }

    [Fact]
    public void Protocol_tcp_without_a_url_connects_to_the_environment_port()
    {
        var options = ProbeArguments.Parse(["--protocol=tcp"], NoEnvironment).Options!;

        Assert.Equal("tcp://localhost:8080", options.Url.ToString());
    }

    [Theory]
    [InlineData("--protocol 'h2' is not http, grpc or tcp", "--protocol", "h2")]
    [InlineData("--protocol grpc contradicts the URL 'http://a:1/'", "http://a:1/", "--protocol", "grpc")]
    [InlineData("--service names a gRPC service: use it with grpc://host:port or --protocol grpc", "--service", "x")]
    [InlineData("--service names a gRPC service", "tcp://a:1", "--service", "x")]
    [InlineData("apply to http:// URLs, not grpc://", "grpc://a:1", "--path", "/x")]
    [InlineData("apply to http:// URLs, not grpc://", "--protocol", "grpc", "--expect", "200")]
    public void Options_that_do_not_fit_the_protocol_are_refused(string problem, params string[] args)
    {
        var parsed = ProbeArguments.Parse(args, NoEnvironment);

        Assert.Null(parsed.Options);
        Assert.Contains(problem, parsed.Error);
        Assert.StartsWith("bad usage: ", parsed.Error);
    }
}
