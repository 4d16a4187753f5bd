using System.CommandLine;

namespace ContainerHealth.Cli.Lint;

/// <summary><c>container-health lint FILE... [--image REF] [--warnings-as-errors] [--format text|sarif]</c>.</summary>
public static class LintCommand
{
    public static Command Create()
    {
        var command = new Command("lint", "Check the health checks of ECS task definitions, compose files and Kubernetes manifests against the image they run.");
        command.SetAction(int (_) => throw new UsageException("lint is not available yet"));
        return command;
    }
}
