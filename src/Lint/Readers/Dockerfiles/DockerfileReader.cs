using System.Globalization;
using System.Text.Json;
using ContainerHealth.Diagnostics;
using ContainerHealth.HealthCheck;

namespace ContainerHealth.Lint;

/// <summary>
/// Reads a Dockerfile as one container: the final stage (or --target) resolved down to its base image, with the ENV,
/// EXPOSE and HEALTHCHECK of its stages and what they add to the base (<see cref="ImageChanges"/>). HEALTHCHECK options
/// Docker would reject are CH1006; a file BuildKit could not read is CH1008.
/// </summary>
public static class DockerfileReader
{
    private static readonly string[] DurationFlags = ["interval", "timeout", "start-period", "start-interval"];

    public static bool IsDockerfileName(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Containerfile", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Containerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Containerfile.", StringComparison.OrdinalIgnoreCase);
    }

    public static DeploymentFileResult Read(string file, string text, DockerfileBuildOptions options)
    {
        try
        {
            return ReadStages(file, DockerfileParser.Parse(text), options);
        }
        catch (DockerfileSyntaxException e)
        {
            return DeploymentFileResult.Malformed(file, e.Line, e.Column, $"{file} {e.Message}");
        }
    }

    private static DeploymentFileResult ReadStages(string file, DockerfileDocument document, DockerfileBuildOptions options)
    {
        var stages = DockerfileStages.Read(document, options);
        if (DockerfileStages.Final(stages, options.Target) is not { } final)
        {
            var names = string.Join(", ", stages.Select(s => s.Name).OfType<string>());
            return new DeploymentFileResult([], [new Diagnostic(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error,
                $"--target {options.Target} names no stage of {file}{(names.Length > 0 ? $" (its stages: {names})" : ", which names none of its stages")}. Name a stage the file has.", file)]);
        }

        var diagnostics = new List<Diagnostic>();
        var image = new DockerfileImageBuilder(document.Escape, options, diagnostics, file);
        foreach (var stage in final.Chain())
        {
            image.Apply(stage);
        }

        var built = image.Build(final);
        var checks = new List<DeploymentCheck>();
        if (built.HealthCheck is { } instruction && Check(instruction, document.Escape, file, diagnostics) is { } check)
        {
            checks.Add(check);
        }

        var root = built.Root;
        var container = new DeploymentContainer(file, final.Name ?? $"stage {final.Index}", BaseImageName(root), image.Environment, image.Ports, checks)
        {
            ImagePosition = new FilePosition(root.From.Line, root.From.Column),
            HasUnknownPorts = image.HasUnknownPorts,
            Dockerfile = built,
        };
        return new DeploymentFileResult([container], diagnostics);
    }

    /// <summary>The base as lint can inspect it; a base with variables nobody set keeps them, so that it is not guessed.</summary>
    private static string BaseImageName(DockerfileStage root) =>
        root.UnsetVariables.Count > 0 ? string.Join(' ', root.UnsetVariables.Select(v => "${" + v + "}")) : root.Base;

    private static DeploymentCheck? Check(DockerfileInstruction instruction, char escape, string file, List<Diagnostic> diagnostics)
    {
        var flags = DockerfileFlags.ReadLeading(instruction.Arguments, escape, out var rest);
        foreach (var (name, value) in flags)
        {
            if (DurationFlags.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                if (!DockerDuration.TryParse(value, out var duration) || (!duration.IsZero && duration.Nanoseconds < 1_000_000))
                {
                    diagnostics.Add(Invalid(instruction, file, $"HEALTHCHECK --{name}={value} is not {DockerDuration.Syntax} of at least 1ms, so docker build refuses it. Write e.g. --{name}=30s."));
                }
            }
            else if (name.Equals("retries", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    diagnostics.Add(Invalid(instruction, file, $"HEALTHCHECK --retries={value} is not a whole number, 0 or more, so docker build refuses it. Write e.g. --retries=3."));
                }
            }
            else
            {
                diagnostics.Add(Invalid(instruction, file, $"HEALTHCHECK --{name} is not an option docker build knows (interval, timeout, start-period, start-interval, retries). Remove it."));
            }
        }

        var end = rest.IndexOfAny([' ', '\t']);
        var type = (end < 0 ? rest : rest[..end]).ToUpperInvariant();
        if (type != "CMD")
        {
            diagnostics.Add(DeploymentFileResult.Malformed(file, instruction.Line, instruction.Column,
                $"{file} has 'HEALTHCHECK {Shorten(instruction.Arguments)}'; write HEALTHCHECK [OPTIONS] CMD command, or HEALTHCHECK NONE").Diagnostics[0]);
            return null;
        }

        var command = end < 0 ? "" : rest[end..].Trim();
        IReadOnlyList<string> test = ExecForm(command) is { } exec ? ["CMD", .. exec] : ["CMD-SHELL", command];
        if (command.Length == 0 || test is ["CMD"])
        {
            diagnostics.Add(DeploymentFileResult.Malformed(file, instruction.Line, instruction.Column, $"{file} has a HEALTHCHECK CMD with no command; write the command after CMD").Diagnostics[0]);
            return null;
        }

        return new DeploymentCheck("HEALTHCHECK", instruction.Line, instruction.Column, CheckCommand.FromDockerTest(test));
    }

    /// <summary>The JSON array of an exec-form instruction; null for the shell form (BuildKit's rule: anything not a JSON string array).</summary>
    public static IReadOnlyList<string>? ExecForm(string arguments)
    {
        var text = arguments.Trim();
        if (!text.StartsWith('[') || !text.EndsWith(']'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            return json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
                ? json.RootElement.EnumerateArray().Select(e => e.GetString()!).ToList()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Diagnostic Invalid(DockerfileInstruction instruction, string file, string message) =>
        new(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, message, file, instruction.Line, instruction.Column);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
