using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Core.Tests.HealthCheck;

/// <summary>The probed path from the app's assembly record (written as the generator writes it, read from the file).</summary>
[Trait("Tier", "Unit")]
public sealed class ProbePathChoiceTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-path-choice-");

    [Fact]
    public void ServiceDefaults_health_and_alive_probe_alive_and_say_why()
    {
        var assembly = Assembly("v1|complete|/health;/alive|");

        var choice = ProbePathChoice.Decide(null, probesHttp: true, assembly);

        Assert.Equal("/alive", choice.Path);
        Assert.Equal(ProbePathChoice.AppSource, choice.Source);
        Assert.Null(choice.Unconfirmed);
        Assert.Contains("health endpoints the app maps in Production: /health, /alive; the HEALTHCHECK probes /alive (its liveness endpoint", choice.ChoiceLine);
    }

    [Fact]
    public void One_mapped_endpoint_is_the_one_probed()
    {
        var choice = ProbePathChoice.Decide(null, probesHttp: true, Assembly("v1|complete|/api/health|"));

        Assert.Equal("/api/health", choice.Path);
        Assert.Contains("the only one it maps", choice.ChoiceLine);
    }

    [Fact]
    public void An_app_that_maps_nothing_confirmed_gets_healthz_and_CH1018_naming_what_was_seen()
    {
        var choice = ProbePathChoice.Decide(null, probesHttp: true, Assembly("v1|incomplete||/ready=Development%20only"));

        Assert.Equal(HealthCheckDefaults.Path, choice.Path);
        Assert.Equal(ProbePathChoice.DefaultSource, choice.Source);
        Assert.Contains("health endpoints seen: /ready (Development only), and routes the analysis could not follow; cannot confirm /healthz answers in Production", choice.Unconfirmed);
        Assert.Contains(DiagnosticCodes.HelpLink(DiagnosticCodes.ProbePathUnconfirmed), choice.Unconfirmed);
    }

    [Fact]
    public void A_path_the_project_sets_wins_and_is_said_when_the_app_does_not_map_it()
    {
        var assembly = Assembly("v1|complete|/health;/alive|");

        var unmapped = ProbePathChoice.Decide("/healthz", probesHttp: true, assembly);
        var mapped = ProbePathChoice.Decide("/health", probesHttp: true, assembly);

        Assert.Equal(("/healthz", ProbePathChoice.ProjectSource), (unmapped.Path, unmapped.Source));
        Assert.Contains("health endpoints seen: /health, /alive; cannot confirm /healthz answers", unmapped.Unconfirmed);
        Assert.Null(mapped.Unconfirmed);
        Assert.Null(mapped.ChoiceLine);
    }

    [Fact]
    public void No_record_in_the_assembly_is_unconfirmed_not_an_error()
    {
        var withoutRecord = Assembly(null);

        var choice = ProbePathChoice.Decide(null, probesHttp: true, withoutRecord);
        var noAssembly = ProbePathChoice.Decide(null, probesHttp: true, directory.File("absent.dll"));

        Assert.Equal(HealthCheckDefaults.Path, choice.Path);
        Assert.Contains("no record of its health endpoints", choice.Unconfirmed);
        Assert.Equal(choice, noAssembly);
    }

    [Fact]
    public void Other_metadata_and_a_record_of_another_version_are_no_record()
    {
        var assembly = AppAssemblyWithEndpoints.Write(directory.Path, ("RepositoryUrl", "v1|complete|/alive|"), (AppHealthEndpoints.MetadataKey, "v9|complete|/alive|"));

        Assert.Null(ProbePathChoice.Decide(null, probesHttp: true, assembly).Seen);
    }

    [Fact]
    public void A_grpc_or_tcp_check_has_no_path_to_confirm()
    {
        var choice = ProbePathChoice.Decide(null, probesHttp: false, Assembly("v1|complete|/alive|"));

        Assert.Equal((HealthCheckDefaults.Path, null, null), (choice.Path, choice.Unconfirmed, choice.Seen));
    }

    [Fact]
    public void The_planner_pins_the_chosen_path_into_the_HEALTHCHECK()
    {
        var decision = HealthCheckPlanner.Decide(new HealthCheckSettings(), new ContainerFacts
        {
            RuntimeIdentifier = "linux-x64",
            ProbeRuntimeIdentifiers = ["linux-x64"],
            AppAssembly = Assembly("v1|complete|/health;/alive|"),
        });

        Assert.Equal(["CMD", "/app/healthprobe", "--path", "/alive", "--timeout", "4s"], decision.Definition!.Test);
    }

    public void Dispose() => directory.Dispose();

    private string Assembly(string? record) =>
        AppAssemblyWithEndpoints.Write(directory.Path, record is null ? [] : [(AppHealthEndpoints.MetadataKey, record)]);
}
