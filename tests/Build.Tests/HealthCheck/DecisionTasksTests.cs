using ContainerHealth.Build.HealthCheck;
using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;
using Microsoft.Build.Utilities;

namespace ContainerHealth.Build.Tests.HealthCheck;

/// <summary>The decide step's record, the compile-time properties from the same code, and the once-per-publish report.</summary>
[Trait("Tier", "Unit")]
public sealed class DecisionTasksTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-decision-task-");

    private string DecisionFile => Path.Combine(directory.Path, "decisions", "linux-x64.json");

    [Fact]
    public void The_decide_step_saves_the_whole_decision_for_its_RID()
    {
        File.WriteAllText(directory.File("appsettings.json"), """{ "AllowedHosts": "example.com" }""");

        var task = Compute(new RecordingBuildEngine());

        Assert.True(task.Execute());
        var record = HealthCheckDecisionFile.Read(DecisionFile)!;
        Assert.Equal(("linux-x64", "http", "/healthz", 8080, "example.com"), (record.RuntimeIdentifier, record.Protocol, record.Path, record.Port, record.HostHeader));
        Assert.Equal(record.HealthcheckJson(), task.HealthCheck);
        Assert.Equal("linux-x64", task.ProbeRuntimeIdentifier);
    }

    [Fact]
    public void A_decision_that_fails_leaves_no_record_of_an_earlier_publish()
    {
        Assert.True(Compute(new RecordingBuildEngine()).Execute());
        var engine = new RecordingBuildEngine();
        var failing = Compute(engine);
        failing.Interval = "often";

        Assert.False(failing.Execute());

        Assert.Contains(engine.Errors, e => e.Code == DiagnosticCodes.InvalidValue);
        Assert.False(File.Exists(DecisionFile));
    }

    [Theory]
    [InlineData("", "", "", "http", "")]
    [InlineData("/ready", "", "", "http", "/ready")]
    [InlineData("", "tcp", "", "tcp", "")]
    [InlineData("", "", "CMD;/bin/true", "command", "")]
    public void The_compile_properties_are_the_publish_decisions(string path, string protocol, string command, string decidedProtocol, string decidedPath)
    {
        var task = new ComputeContainerHealthCompileProperties
        {
            BuildEngine = new RecordingBuildEngine(), Path = path, Protocol = protocol, Command = command, ProjectDirectory = directory.Path,
        };

        Assert.True(task.Execute());

        Assert.Equal((decidedProtocol, decidedPath, "8080", ""), (task.DecidedProtocol, task.DecidedPath, task.DecidedPort, task.DecidedHostHeader));
    }

    [Fact]
    public void The_compile_properties_see_the_direct_grpc_package_the_appsettings_port_and_the_host_filter()
    {
        File.WriteAllText(directory.File("appsettings.json"), """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:5000" } } }, "AllowedHosts": "*.example.com" }""");
        var http = new ComputeContainerHealthCompileProperties { BuildEngine = new RecordingBuildEngine(), ProjectDirectory = directory.Path };
        var grpc = new ComputeContainerHealthCompileProperties
        {
            BuildEngine = new RecordingBuildEngine(), ProjectDirectory = directory.Path, PackageReferences = [new TaskItem("Grpc.AspNetCore.HealthChecks")],
        };

        Assert.True(http.Execute());
        Assert.True(grpc.Execute());

        Assert.Equal(("http", "5000", "healthcheck.example.com"), (http.DecidedProtocol, http.DecidedPort, http.DecidedHostHeader));
        Assert.Equal(("grpc", "5000", ""), (grpc.DecidedProtocol, grpc.DecidedPort, grpc.DecidedHostHeader));
    }

    [Fact]
    public void The_report_says_an_unconfirmed_path_once_per_publish_with_CH1018()
    {
        var unconfirmed = "ContainerHealth: the app's assembly has no record of its health endpoints; cannot confirm /healthz answers in Production.";
        var files = new[] { "linux-x64", "linux-arm64" }.Select(rid =>
        {
            var path = HealthCheckDecisionFile.PathFor(directory.Path, rid);
            HealthCheckDecisionFile.Write(path, new HealthCheckDecisionRecord
            {
                RuntimeIdentifier = rid, PathUnconfirmed = unconfirmed, HostHeader = "example.com", HostHeaderSource = "appsettings.json AllowedHosts 'example.com'",
                Healthcheck = new System.Text.Json.Nodes.JsonObject { ["Test"] = new System.Text.Json.Nodes.JsonArray("CMD", "/app/healthprobe") },
            });
            return new TaskItem(path);
        }).ToArray();
        var engine = new RecordingBuildEngine();

        Assert.True(new ReportHealthCheckDecision { BuildEngine = engine, DecisionFiles = files, ProjectFile = "App.csproj" }.Execute());

        var message = Assert.Single(engine.Messages, m => m.Code == DiagnosticCodes.ProbePathUnconfirmed);
        Assert.Equal(unconfirmed, message.Message);
        Assert.Single(engine.Messages, m => m.Message!.Contains("so the HEALTHCHECK sends Host: example.com"));
    }

    public void Dispose() => directory.Dispose();

    private ComputeContainerHealthCheck Compute(RecordingBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ProjectFile = directory.File("App.csproj"),
        ProjectDirectory = directory.Path,
        DecisionFile = DecisionFile,
        ContainerRuntimeIdentifier = "linux-x64",
        ContainerWorkingDirectory = "/app/",
        ProbeRuntimeIdentifiers = [new TaskItem("linux-x64")],
    };
}
