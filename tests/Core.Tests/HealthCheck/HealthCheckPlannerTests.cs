using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Core.Tests.HealthCheck;

[Trait("Tier", "Unit")]
public sealed class HealthCheckPlannerTests
{
    private static readonly ContainerFacts LinuxX64 = new()
    {
        RuntimeIdentifier = "linux-x64",
        WorkingDirectory = "/app/",
        ProbeRuntimeIdentifiers = ["linux-x64", "linux-arm64"],
    };

    [Fact]
    public void Zero_configuration_gives_the_probe_and_Docker_defaults()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings(), LinuxX64);

        Assert.Empty(decision.Diagnostics);
        Assert.Equal("linux-x64", decision.ProbeRuntimeIdentifier);
        Assert.Equal("/app/healthprobe", decision.ProbePathInImage);
        var definition = Assert.IsType<HealthCheckDefinition>(decision.Definition);
        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/healthz", "--timeout", "4s"], definition.Test);
        Assert.Equal(30_000_000_000, definition.Interval.Nanoseconds);
        Assert.Equal(5_000_000_000, definition.Timeout.Nanoseconds);
        Assert.Equal(30_000_000_000, definition.StartPeriod.Nanoseconds);
        Assert.Equal(2_000_000_000, definition.StartInterval.Nanoseconds);
        Assert.Equal(3, definition.Retries);
        Assert.Equal(8080, decision.Port.Number);
    }

    [Theory]
    [InlineData(nameof(HealthCheckSettings.Interval), "30", "ContainerHealthCheckInterval", "1m30s")]
    [InlineData(nameof(HealthCheckSettings.Timeout), "five seconds", "ContainerHealthCheckTimeout", "1m30s")]
    [InlineData(nameof(HealthCheckSettings.StartPeriod), "-5s", "ContainerHealthCheckStartPeriod", "1m30s")]
    [InlineData(nameof(HealthCheckSettings.StartInterval), "100us", "ContainerHealthCheckStartInterval", "at least 1ms")]
    [InlineData(nameof(HealthCheckSettings.Retries), "three", "ContainerHealthCheckRetries", "whole number")]
    [InlineData(nameof(HealthCheckSettings.Port), "80800", "ContainerHealthCheckPort", "1 to 65535")]
    [InlineData(nameof(HealthCheckSettings.Path), "healthz", "ContainerHealthCheckPath", "/healthz")]
    [InlineData(nameof(HealthCheckSettings.Command), "curl -f http://localhost/", "ContainerHealthCheckCommand", "CMD-SHELL <command line>")]
    [InlineData(nameof(HealthCheckSettings.Probe), "yes", "ContainerHealthProbe", "true or false")]
    [InlineData(nameof(HealthCheckSettings.Protocol), "h2c", "ContainerHealthCheckProtocol", "http, grpc or tcp")]
    public void Invalid_value_is_CH1006_naming_the_property_and_the_syntax(string setting, string value, string property, string syntax)
    {
        var decision = HealthCheckPlanner.Decide(With(setting, value), LinuxX64);

        var diagnostic = Assert.Single(decision.Diagnostics);
        Assert.Equal("CH1006", diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(property, diagnostic.Message);
        Assert.Contains($"'{value}'", diagnostic.Message);
        Assert.Contains(syntax, diagnostic.Message);
        Assert.Null(decision.Definition);
        Assert.Null(decision.ProbeRuntimeIdentifier);
    }

    [Theory]
    [InlineData(nameof(HealthCheckSettings.Interval), "1m30s")]
    [InlineData(nameof(HealthCheckSettings.Timeout), "500ms")]
    [InlineData(nameof(HealthCheckSettings.StartPeriod), "0")]
    [InlineData(nameof(HealthCheckSettings.StartInterval), "1ms")]
    [InlineData(nameof(HealthCheckSettings.Retries), "0")]
    [InlineData(nameof(HealthCheckSettings.Port), "65535")]
    [InlineData(nameof(HealthCheckSettings.Path), "/health/ready?full=1")]
    [InlineData(nameof(HealthCheckSettings.Command), "CMD-SHELL curl -f http://localhost/ || exit 1")]
    [InlineData(nameof(HealthCheckSettings.Probe), "False")]
    [InlineData(nameof(HealthCheckSettings.Protocol), "Grpc")]
    public void Near_misses_are_accepted(string setting, string value)
    {
        var decision = HealthCheckPlanner.Decide(With(setting, value), LinuxX64);

        Assert.Empty(decision.Diagnostics);
    }

    [Fact]
    public void Custom_values_reach_the_definition()
    {
        var decision = HealthCheckPlanner.Decide(
            new HealthCheckSettings { Path = "/ready", Interval = "1m30s", Timeout = "500ms", StartPeriod = "10s", StartInterval = "1s", Retries = "5" },
            LinuxX64);

        var definition = decision.Definition!;
        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/ready", "--timeout", "300ms"], definition.Test);
        Assert.Equal(90_000_000_000, definition.Interval.Nanoseconds);
        Assert.Equal(500_000_000, definition.Timeout.Nanoseconds);
        Assert.Equal(10_000_000_000, definition.StartPeriod.Nanoseconds);
        Assert.Equal(1_000_000_000, definition.StartInterval.Nanoseconds);
        Assert.Equal(5, definition.Retries);
    }

    [Theory]
    [InlineData("win-x64")]
    [InlineData("linux-arm")]
    public void Unsupported_rid_is_CH1007_with_no_probe_and_no_healthcheck(string rid)
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings(), LinuxX64 with { RuntimeIdentifier = rid });

        var diagnostic = Assert.Single(decision.Diagnostics);
        Assert.Equal("CH1007", diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(rid, diagnostic.Message);
        Assert.Null(decision.Definition);
        Assert.Null(decision.ProbeRuntimeIdentifier);
    }

    [Fact]
    public void Unsupported_rid_with_a_command_gets_that_command_and_no_warning()
    {
        var decision = HealthCheckPlanner.Decide(
            new HealthCheckSettings { Command = "CMD;/app/mycheck;--quick" }, LinuxX64 with { RuntimeIdentifier = "linux-musl-x64" });

        Assert.Empty(decision.Diagnostics);
        Assert.Null(decision.ProbeRuntimeIdentifier);
        Assert.Equal(["CMD", "/app/mycheck", "--quick"], decision.Definition!.Test);
    }

    [Fact]
    public void Command_that_does_not_run_the_probe_gets_no_probe()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Command = "CMD-SHELL wget -qO- localhost:8080/ || exit 1" }, LinuxX64);

        Assert.Equal(["CMD-SHELL", "wget -qO- localhost:8080/ || exit 1"], decision.Definition!.Test);
        Assert.Null(decision.ProbeRuntimeIdentifier);
    }

    [Theory]
    [InlineData("CMD;/app/healthprobe;--path;/ready")]
    [InlineData("CMD-SHELL /app/healthprobe --path /ready || exit 1")]
    public void Command_that_runs_the_probe_gets_the_probe(string command)
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Command = command }, LinuxX64);

        Assert.Equal("linux-x64", decision.ProbeRuntimeIdentifier);
    }

    [Theory]
    [InlineData("5s", "4s")]
    [InlineData("500ms", "300ms")]
    [InlineData("300ms", "150ms")]
    [InlineData("30s", "28s")]
    [InlineData("1m30s", "88s")]
    public void Probe_deadline_stays_under_the_check_timeout(string timeout, string deadline)
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Timeout = timeout }, LinuxX64);

        Assert.Equal(deadline, decision.Definition!.Test[^1]);
    }

    [Theory]
    [InlineData("linux-musl-x64", "linux-x64")]
    [InlineData("linux-musl-arm64", "linux-arm64")]
    [InlineData("linux-x64", "linux-x64")]
    public void Musl_images_get_the_static_probe_of_their_architecture(string rid, string probe)
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings(), LinuxX64 with { RuntimeIdentifier = rid });

        Assert.Empty(decision.Diagnostics);
        Assert.Equal(probe, decision.ProbeRuntimeIdentifier);
    }

    [Fact]
    public void Linux_arm_is_CH1007_saying_why()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings(), LinuxX64 with { RuntimeIdentifier = "linux-arm" });

        var warning = Assert.Single(decision.Diagnostics);
        Assert.Equal("CH1007", warning.Code);
        Assert.Contains("32-bit ARM", warning.Message);
        Assert.Contains("NativeAOT", warning.Message);
        Assert.Null(decision.Definition);
    }

    [Fact]
    public void Probe_switched_off_without_a_command_means_no_healthcheck()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings { Probe = "false" }, LinuxX64);

        Assert.Empty(decision.Diagnostics);
        Assert.Null(decision.ProbeRuntimeIdentifier);
        Assert.Null(decision.Definition);
    }

    [Fact]
    public void Probe_path_follows_the_working_directory()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings(), LinuxX64 with { WorkingDirectory = "/srv/app" });

        Assert.Equal("/srv/app/healthprobe", decision.ProbePathInImage);
        Assert.Equal("/srv/app/healthprobe", decision.Definition!.Test[1]);
    }

    [Fact]
    public void Port_comes_from_ASPNETCORE_HTTP_PORTS_then_the_first_tcp_ContainerPort_then_8080()
    {
        var env = LinuxX64 with { EnvironmentVariables = [new("ASPNETCORE_HTTP_PORTS", "5000;5001")], Ports = [new("6000", "tcp")] };
        var ports = LinuxX64 with { Ports = [new("53", "udp"), new("6000", "")] };

        Assert.Equal(5000, HealthCheckPlanner.Decide(new HealthCheckSettings(), env).Port.Number);
        Assert.Equal(6000, HealthCheckPlanner.Decide(new HealthCheckSettings(), ports).Port.Number);
        Assert.Equal(8080, HealthCheckPlanner.Decide(new HealthCheckSettings(), LinuxX64).Port.Number);
        Assert.Equal(7000, HealthCheckPlanner.Decide(new HealthCheckSettings { Port = "7000" }, env).Port.Number);
    }

    [Theory]
    [InlineData("CMD-SHELL curl -f http://localhost:8080/ || exit 1", new[] { "CMD-SHELL", "curl -f http://localhost:8080/ || exit 1" })]
    [InlineData("CMD;/app/healthprobe;--path;/ready", new[] { "CMD", "/app/healthprobe", "--path", "/ready" })]
    public void Commands_parse_into_Dockers_test_array(string text, string[] test)
    {
        Assert.True(HealthCheckCommand.TryParse(text, out var parsed));
        Assert.Equal(test, parsed);
    }

    [Theory]
    [InlineData("CMD-SHELL")]
    [InlineData("CMD-SHELLcurl")]
    [InlineData("CMD")]
    [InlineData("CMD;")]
    [InlineData("NONE")]
    [InlineData("/app/healthprobe")]
    public void Malformed_commands_are_rejected(string text)
    {
        Assert.False(HealthCheckCommand.TryParse(text, out _));
    }

    private static HealthCheckSettings With(string setting, string value) => setting switch
    {
        nameof(HealthCheckSettings.Interval) => new HealthCheckSettings { Interval = value },
        nameof(HealthCheckSettings.Timeout) => new HealthCheckSettings { Timeout = value },
        nameof(HealthCheckSettings.StartPeriod) => new HealthCheckSettings { StartPeriod = value },
        nameof(HealthCheckSettings.StartInterval) => new HealthCheckSettings { StartInterval = value },
        nameof(HealthCheckSettings.Retries) => new HealthCheckSettings { Retries = value },
        nameof(HealthCheckSettings.Port) => new HealthCheckSettings { Port = value },
        nameof(HealthCheckSettings.Path) => new HealthCheckSettings { Path = value },
        nameof(HealthCheckSettings.Protocol) => new HealthCheckSettings { Protocol = value },
        nameof(HealthCheckSettings.Command) => new HealthCheckSettings { Command = value },
        nameof(HealthCheckSettings.Probe) => new HealthCheckSettings { Probe = value },
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };
}
