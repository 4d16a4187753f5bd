namespace ContainerHealth.Cli.Tests;

/// <summary>Wrong command lines: a clear message on stderr, exit code 2, never a stack trace.</summary>
[Trait("Tier", "Engine")]
public sealed class BadArgumentTests
{
    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "inspect" }, "Required argument missing for command: 'inspect'")]
    [InlineData(new[] { "inspect", "alpine:3", "--colour" }, "Unrecognized command or argument '--colour'")]
    [InlineData(new[] { "inspect", "alpine:3", "--platform", "banana" }, "--platform 'banana' is not os/architecture[/variant]")]
    [InlineData(new[] { "inspect", "alpine:3", "--platform", "plan9/amd64" }, "--platform plan9/amd64 is not a platform .NET runs on")]
    [InlineData(new[] { "inspect", "./no/such/layout" }, "./no/such/layout: no such file or directory")]
    [InlineData(new[] { "inspect", "Not An Image" }, "'Not An Image' is neither a file, a directory nor an image reference")]
    [InlineData(new[] { "verify" }, "Required argument missing for command: 'verify'")]
    [InlineData(new[] { "verify", "app:1", "--platform", "linux" }, "--platform 'linux' is not os/architecture[/variant]")]
    [InlineData(new[] { "verify", "app:1", "--timeout", "soon" }, "--timeout 'soon' is not a duration")]
    [InlineData(new[] { "verify", "app:1", "--env", "NO_VALUE" }, "--env 'NO_VALUE' is not NAME=VALUE")]
    [InlineData(new[] { "verify", "app:1", "no-such-task-definition.json" }, "no-such-task-definition.json: no such file")]
    [InlineData(new[] { "verify", "app:1", "--engine", "containerd" }, "Argument 'containerd' not recognized")]
    public async Task Bad_command_line_exits_2_with_a_message(string[] arguments, string message)
    {
        var run = await CliRun.RunAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StandardError);
        Assert.DoesNotContain("   at ", run.Output);
        Assert.DoesNotContain("Exception", run.Output);
    }

    [Fact]
    public async Task Help_lists_both_commands()
    {
        var run = await CliRun.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("inspect", run.StandardOutput);
        Assert.Contains("lint", run.StandardOutput);
    }
}
