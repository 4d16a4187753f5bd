using ContainerHealth.HealthCheck;
using ContainerHealth.Probe;

namespace ContainerHealth.Core.Tests.Probe;

/// <summary>The probe's command line as Core compiles it: what the build prints, the same code reads back.</summary>
[Trait("Tier", "Unit")]
public sealed class ProbeCommandLineTests
{
    public static TheoryData<string[]> Lines => new()
    {
        new[] { "--path", "/healthz", "--timeout", "4s" },
        new[] { "--protocol", "grpc", "--service", "my.package.Orders", "--timeout", "300ms" },
        new[] { "--protocol", "tcp" },
        new[] { "http://localhost:5000/ready", "--timeout", "60s" },
        new[] { "grpc://localhost:5001" },
        new[] { "--port", "5000", "--path", "/ready", "--header", "X-Probe: 1", "--header", "X-Two: b c", "--host-header", "api.internal", "--expect", "200,204", "--timeout", "2s" },
        new[] { "--protocol", "grpc", "--port", "5001" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void What_the_printer_writes_the_reader_reads_back_unchanged(string[] arguments)
    {
        var reading = ProbeCommandLine.Read(arguments);

        Assert.Null(reading.Problem);
        Assert.Equal(arguments, reading.CommandLine!.ToArguments());
    }

    [Fact]
    public void Both_spellings_of_an_option_read_the_same()
    {
        var spaced = ProbeCommandLine.Read(["--port", "5000", "--timeout", "500ms"]).CommandLine!;
        var joined = ProbeCommandLine.Read(["--port=5000", "--timeout=500ms"]).CommandLine!;

        Assert.Equal(5000, joined.Port);
        Assert.Equal(TimeSpan.FromMilliseconds(500), joined.Timeout);
        Assert.Equal(spaced.ToArguments(), joined.ToArguments());
    }

    [Theory]
    [InlineData("unknown option '--bogus'", "--bogus", "1")]
    [InlineData("unknown option '--bogus'", "--bogus")]
    [InlineData("--timeout needs a value", "--timeout")]
    [InlineData("--port 'http' is not a port (1-65535)", "--port", "http")]
    [InlineData("--port '70000' is not a port (1-65535)", "--port", "70000")]
    [InlineData("--port 5000 and the URL 'http://localhost:8080/' both name the port", "http://localhost:8080/", "--port", "5000")]
    [InlineData("'5' needs a unit", "--timeout", "5")]
    [InlineData("--path 'healthz' must start with /", "--path", "healthz")]
    [InlineData("--protocol 'h2c' is not http, grpc or tcp", "--protocol", "h2c")]
    [InlineData("apply to http:// URLs, not grpc://", "--protocol", "grpc", "--path", "/x")]
    [InlineData("--service names a gRPC service", "--service", "x")]
    [InlineData("more than one URL", "http://localhost:1/", "http://localhost:2/")]
    public void A_line_the_probe_refuses_is_refused_with_the_probes_own_words(string expected, params string[] arguments)
    {
        var reading = ProbeCommandLine.Read(arguments);

        Assert.Null(reading.CommandLine);
        Assert.Contains(expected, reading.Problem);
        Assert.StartsWith("bad usage: ", reading.ProbeAnswer);
    }

    [Fact]
    public void An_https_url_is_not_bad_usage_but_still_refused()
    {
        var reading = ProbeCommandLine.Read(["https://localhost:8443/healthz"]);

        Assert.False(reading.IsUsageProblem);
        Assert.StartsWith("https://localhost:8443/healthz needs TLS", reading.ProbeAnswer);
    }

    [Fact]
    public void The_scheme_follows_the_protocol_then_the_url_then_http()
    {
        Assert.Equal(ProbeScheme.Grpc, ProbeCommandLine.Read(["--protocol", "grpc"]).CommandLine!.Scheme);
        Assert.Equal(ProbeScheme.Tcp, ProbeCommandLine.Read(["tcp://localhost:1"]).CommandLine!.Scheme);
        Assert.Equal(ProbeScheme.Http, ProbeCommandLine.Read(["--port", "1"]).CommandLine!.Scheme);
    }

    [Theory]
    [InlineData(HealthCheckProtocol.Http, null, "--path /ready --timeout 4s")]
    [InlineData(HealthCheckProtocol.Http, 5000, "http://localhost:5000/ready --timeout 4s")]
    [InlineData(HealthCheckProtocol.Grpc, null, "--protocol grpc --service orders --timeout 4s")]
    [InlineData(HealthCheckProtocol.Grpc, 5001, "grpc://localhost:5001 --service orders --timeout 4s")]
    [InlineData(HealthCheckProtocol.Tcp, 6000, "tcp://localhost:6000 --timeout 4s")]
    public void The_build_writes_the_healthcheck_with_the_printer_and_the_probe_reads_it(HealthCheckProtocol protocol, int? pinned, string expected)
    {
        var port = pinned is { } number ? new AppPort(number, "ContainerHealthCheckPort", Pinned: true) : AppPort.Default;
        Assert.True(DockerDuration.TryParse("5s", out var timeout));
        var test = HealthCheckCommand.ForProbe("/app/healthprobe", protocol, "/ready", port, timeout, "orders");

        Assert.Equal(["CMD", "/app/healthprobe"], test.Take(2));
        Assert.Equal(expected, string.Join(' ', test.Skip(2)));
        Assert.Null(ProbeCommandLine.Read(test.Skip(2).ToList()).Problem);
    }

    [Fact]
    public void The_build_defaults_to_the_path_the_probe_defaults_to()
    {
        Assert.Equal(ProbeCommandLine.DefaultPath, HealthCheckDefaults.Path);
    }

    [Fact]
    public void A_pinned_host_header_is_written_for_http_checks_only()
    {
        var http = HealthCheckCommand.ProbeLine(HealthCheckProtocol.Http, "/healthz", pinnedPort: null, hostHeader: "example.com").ToArguments();
        var grpc = HealthCheckCommand.ProbeLine(HealthCheckProtocol.Grpc, "/healthz", pinnedPort: null, hostHeader: "example.com").ToArguments();

        Assert.Equal(["--path", "/healthz", "--host-header", "example.com"], http);
        Assert.DoesNotContain("--host-header", grpc);
    }
}
