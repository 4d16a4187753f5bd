using System.Diagnostics;
using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;

namespace ContainerHealth.Lint.Tests.Dockerfiles;

/// <summary>Dockerfiles made to hurt a parser: each is one CH1008 (or reads fine), never a crash or a hang.</summary>
[Trait("Tier", "Unit")]
public sealed class DockerfileHostileInputTests : IDisposable
{
    private readonly DockerfileLint lint = new();

    [Fact]
    public void Binary_garbage_is_CH1008()
    {
        var bytes = new byte[64 * 1024];
        new Random(23).NextBytes(bytes);
        var file = lint.Write("");
        File.WriteAllBytes(file, bytes);

        var diagnostic = Assert.Single(DeploymentLint.Read(file, LintLimits.Default).Diagnostics);

        Assert.Equal(DiagnosticCodes.MalformedDeploymentFile, diagnostic.Code);
        Assert.Contains("Fix the file", diagnostic.Message);
    }

    [Fact]
    public void Garbage_without_NUL_bytes_is_an_unknown_instruction_with_its_line()
    {
        var file = lint.Write("FROM alpine\n\u00ff\u00fe\u0001\u0002 garbage \u0007\n");

        var diagnostic = Assert.Single(DeploymentLint.Read(file, LintLimits.Default).Diagnostics);

        Assert.Equal(DiagnosticCodes.MalformedDeploymentFile, diagnostic.Code);
        Assert.Equal(2, diagnostic.Line);
        Assert.Contains("unknown instruction", diagnostic.Message);
    }

    [Fact]
    public void A_million_continuation_lines_read_in_linear_time()
    {
        var text = "FROM alpine\nRUN echo start \\\n" + string.Concat(Enumerable.Repeat("  && echo x \\\n", 1_000_000)) + "  && echo end\nHEALTHCHECK CMD curl -f http://localhost:8080/\n";
        var file = lint.Write(text);
        var clock = Stopwatch.StartNew();

        var result = DeploymentLint.Read(file, LintLimits.Default with { MaxFileBytes = 64L * 1024 * 1024 });

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1_000_004, Assert.Single(Assert.Single(result.Containers).Checks).Line);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_CH1008_without_being_read()
    {
        var file = lint.Write("FROM alpine\n");
        using (var stream = File.OpenWrite(file))
        {
            stream.SetLength(17L * 1024 * 1024);
        }

        var diagnostic = Assert.Single(DeploymentLint.Read(file, LintLimits.Default).Diagnostics);

        Assert.Contains("over the 16 MiB limit", diagnostic.Message);
    }

    [Fact]
    public void Deeply_nested_substitutions_in_FROM_are_CH1008()
    {
        var file = lint.Write("FROM " + string.Concat(Enumerable.Repeat("${A:-", 100_000)) + "alpine" + new string('}', 100_000) + "\n");

        var diagnostic = Assert.Single(DeploymentLint.Read(file, LintLimits.Default).Diagnostics);

        Assert.Equal(DiagnosticCodes.MalformedDeploymentFile, diagnostic.Code);
        Assert.Contains("deeper than 32 levels", diagnostic.Message);
    }

    [Fact]
    public void Ten_thousand_heredoc_markers_on_one_line_are_an_unclosed_heredoc_not_a_hang()
    {
        var file = lint.Write("FROM alpine\nRUN " + string.Concat(Enumerable.Repeat("<<EOF ", 10_000)) + "\nEOF\n");

        var diagnostic = Assert.Single(DeploymentLint.Read(file, LintLimits.Default).Diagnostics);

        Assert.Contains("never closed", diagnostic.Message);
    }

    [Theory]
    [InlineData("RUN echo no FROM\n", "before the first FROM")]
    [InlineData("# just a comment\n", "no FROM instruction")]
    [InlineData("FROM\n", "write FROM [--platform=PLATFORM] IMAGE [AS NAME]")]
    [InlineData("FROM a b c d\n", "write FROM")]
    [InlineData("# escape=x\nFROM alpine\n", "escape character must be")]
    [InlineData("FROM alpine\nCOPY onlyone\n", "only one path")]
    [InlineData("FROM alpine\nHEALTHCHECK curl -f http://localhost/\n", "HEALTHCHECK [OPTIONS] CMD command")]
    [InlineData("FROM alpine\nSHELL /bin/bash -c\n", "JSON array")]
    [InlineData("FROM alpine:${TAG\n", "without its closing")]
    public void Malformed_files_are_CH1008_saying_what_to_write(string text, string expected)
    {
        var diagnostic = Assert.Single(DeploymentLint.Read(lint.Write(text), LintLimits.Default).Diagnostics);

        Assert.Equal(DiagnosticCodes.MalformedDeploymentFile, diagnostic.Code);
        Assert.Contains(expected, diagnostic.Message);
    }

    public void Dispose() => lint.Dispose();
}
