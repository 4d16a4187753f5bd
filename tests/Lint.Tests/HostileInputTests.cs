using System.Diagnostics;
using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>Inputs that once crashed, hung or exhausted the process: each is now one CH1008 saying why.</summary>
[Trait("Tier", "Unit")]
public sealed class HostileInputTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-hostile-");

    [Fact]
    public void Flow_yaml_nested_25000_deep_is_CH1008_not_a_stack_overflow()
    {
        var file = Write(directory, "compose.yaml", "services: " + new string('[', 25_000) + new string(']', 25_000) + "\n");

        var diagnostic = Single(file);

        Assert.Contains("nests deeper than 256 levels", diagnostic.Message);
        Assert.Equal(1, diagnostic.Line);
    }

    [Fact]
    public void Json_nested_25000_deep_is_CH1008()
    {
        var file = Write(directory, "task-definition.json", "{\"containerDefinitions\": " + new string('[', 25_000) + new string(']', 25_000) + "}");

        Assert.Contains("depth", Single(file).Message);
    }

    [Fact]
    public void Billion_laughs_is_CH1008_at_the_alias_that_goes_over_the_limit()
    {
        var lines = new List<string> { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        lines.Add("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      image: shop-api\n      args: *a9");
        var file = Write(directory, "pod.yaml", string.Join('\n', lines) + "\n");

        var diagnostic = Single(file);

        Assert.Contains("aliases expand to more than 1,000,000 nodes", diagnostic.Message);
        Assert.InRange(diagnostic.Line, 6, 16);
    }

    [Fact]
    public void Anchors_used_a_few_times_are_fine()
    {
        var file = Write(directory, "compose.yaml", """
            x-check: &check
              test: ["CMD", "/app/healthprobe", "--path", "/healthz"]
            services:
              api:
                image: shop-api
                healthcheck: *check
              worker:
                image: shop-api
                healthcheck: *check
            """);

        Assert.Empty(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);
    }

    [Fact]
    public void Dev_zero_is_CH1008_a_character_device_and_returns_at_once()
    {
        var diagnostic = Single("/dev/zero");

        Assert.Contains("/dev/zero is a character device, not a regular file", diagnostic.Message);
    }

    [Fact]
    public void A_fifo_is_CH1008_and_does_not_block()
    {
        var fifo = directory.File("compose.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Assert.Contains("is a FIFO (named pipe), not a regular file", Single(fifo).Message);
        Assert.Empty(DeploymentFileDiscovery.Find(directory.Path));
    }

    [Fact]
    public void A_directory_is_CH1008_saying_so()
    {
        Assert.Contains("is a directory", Single(directory.Path).Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_CH1008_and_the_limit_is_configurable()
    {
        var file = Write(directory, "compose.yaml", "services:\n" + string.Concat(Enumerable.Repeat("  # padding padding padding padding\n", 100)));
        var small = LintLimits.Default with { MaxFileBytes = 1024 };

        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings, small).Diagnostics);

        Assert.Contains("over the 1024 bytes limit", diagnostic.Message);
        Assert.Empty(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);
    }

    [Fact]
    public void A_key_given_twice_is_CH1008_not_an_exception()
    {
        var file = Write(directory, "compose.yaml", "services:\n  api:\n    image: shop-api\n  api:\n    image: shop-api\n");

        Assert.Contains("not valid YAML", Single(file).Message);
    }

    private static Diagnostic Single(string file)
    {
        var diagnostic = Assert.Single(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);
        Assert.Equal(DiagnosticCodes.MalformedDeploymentFile, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(file, diagnostic.File);
        return diagnostic;
    }

    public void Dispose() => directory.Dispose();
}
