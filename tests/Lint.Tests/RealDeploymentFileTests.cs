using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>
/// Lint over the real deployment files of <see cref="LintCorpus"/> (271 files from public repositories: compose, ECS,
/// CloudFormation, Kubernetes, Helm), every container judged as if it ran the published image. The findings pinned
/// here were checked by hand against what the real tools do. Without the corpus beside the checkout there is nothing
/// to read and these pass empty.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class RealDeploymentFileTests
{
    private const string EnvsubstManifest = "GoogleCloudPlatform+kubernetes-engine-samples/ai-ml/infw-gw/examples/getting-started/inference-pool-variables.yaml";
    private const string ComposeOfVariables = "compose-spec+compose-go/schema/using-variables.yaml";

    private static readonly LintCorpus? Corpus = LintCorpus.Find();

    private static readonly Lazy<Dictionary<string, DeploymentFileResult>> Reads =
        new(() => (Corpus?.Files ?? []).ToDictionary(file => file.Name, file => DeploymentLint.Read(file.FullPath, LintLimits.Default)));

    /// <summary>Each refused by the real tool too: not JSON until a template fills it, a duplicate key, or a file it extends that the corpus lacks.</summary>
    private static readonly string[] Unreadable =
    [
        "aws+aws-app-mesh-examples/examples/apps/colorapp/ecs/envoy-container.json",   // "image": $ENVOY_IMAGE
        "aws+aws-app-mesh-examples/walkthroughs/fargate/envoy-container.json",         // "image": $ENVOY_IMAGE
        "aws-observability+aws-otel-collector/examples/ecs/aws-cloudwatch/ecs-ec2-sidecar.json", // "command": [ {{command}} ]
        "aws-samples+aws-microservices-deploy-options/apps/k8s/istio/manifest.yaml",   // two "kind:" keys in one object
        "compose-spec+compose-go/loader/testdata/extends/withdir/compose.yaml",        // extends dir/compose.yaml, not collected
        "zabbix+zabbix-docker/docker-compose_v3_centos_mysql_latest.yaml",             // extends compose_databases.yaml, not collected
        "zabbix+zabbix-docker/docker-compose_v3_centos_pgsql_latest.yaml",             // extends compose_databases.yaml, not collected
    ];

    [Fact]
    public void Every_file_is_read_and_every_check_judged_without_a_crash()
    {
        foreach (var file in Corpus?.Files ?? [])
        {
            var findings = Lint(file, Busybox).Concat(Lint(file, Chiseled)).ToList();

            Assert.All(findings, d => Assert.True(d.Code.StartsWith("CH10", StringComparison.Ordinal) && d.Message.Length > 0, $"{file.Name}: {d}"));
        }
    }

    [Fact]
    public void Only_files_the_real_tools_refuse_too_are_CH1008()
    {
        if (Corpus is null)
        {
            return;
        }

        var malformed = Corpus.Files
            .Where(file => Lint(file, Busybox).Any(d => d.Code == DiagnosticCodes.MalformedDeploymentFile))
            .Select(file => file.Name);

        Assert.Equal(Unreadable.Order(), malformed.Order());
    }

    [Fact]
    public void An_envsubst_template_is_read_and_its_variable_timings_are_unknown_not_CH1006()
    {
        if (Corpus is null)
        {
            return;
        }

        var file = Corpus.Named(EnvsubstManifest);
        var read = Reads.Value[file.Name];

        Assert.Contains("initialDelaySeconds: ${LIVENESS_INITIAL_DELAY:-5}", File.ReadAllText(file.FullPath));
        Assert.NotEmpty(read.Containers.SelectMany(c => c.Checks));
        Assert.Empty(read.Diagnostics);
    }

    [Fact]
    public void A_compose_test_made_of_a_variable_names_no_program()
    {
        if (Corpus is null)
        {
            return;
        }

        var file = Corpus.Named(ComposeOfVariables);
        var check = Assert.Single(Reads.Value[file.Name].Containers.Single(c => c.Name == "foo").Checks);

        Assert.Null(check.Command!.Program);
        Assert.DoesNotContain(Lint(file, Busybox), d => d.Code == DiagnosticCodes.ProgramMissing);
    }

    [Fact]
    public void No_program_the_lint_reports_missing_is_written_as_a_variable()
    {
        var missing = (Corpus?.Files ?? [])
            .SelectMany(file => Lint(file, Busybox))
            .Where(d => d.Code == DiagnosticCodes.ProgramMissing && d.Message.Contains("runs '$", StringComparison.Ordinal));

        Assert.Empty(missing);
    }

    /// <summary>The file's findings, every container judged as the published image's (its own image as the repository).</summary>
    private static IEnumerable<Diagnostic> Lint(LintCorpusFile file, ImageFacts facts)
    {
        var read = Reads.Value[file.Name];
        return read.Diagnostics.Concat(read.Containers.SelectMany(container => container.Checks.SelectMany(check =>
            HealthCheckRules.Check(container, check, facts, Settings with { ContainerRepository = container.Image ?? container.Name }))));
    }
}
