using ContainerHealth.HealthCheck;

namespace ContainerHealth.Lint;

/// <summary>
/// Walks the stages of the final image's chain in order, as the builder would: ARG and ENV scopes (ENV wins over ARG, ENV
/// is inherited by a stage built on another, ARG is not), WORKDIR, SHELL, EXPOSE, HEALTHCHECK, and what RUN, COPY and
/// ADD add (<see cref="ImageChanges"/>).
/// </summary>
internal sealed class DockerfileImageBuilder(char escape, DockerfileBuildOptions options, List<ContainerHealth.Diagnostics.Diagnostic> diagnostics, string file)
{
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);
    private readonly List<int> ports = [];
    private readonly ImageChanges changes = new();
    private IReadOnlyList<string> shell = ["/bin/sh", "-c"];
    private string workingDirectory = "/";
    private DockerfileInstruction? healthCheck;
    private bool healthCheckNone;

    public IReadOnlyDictionary<string, string> Environment => environment;

    public IReadOnlyList<int> Ports => ports;

    public bool HasUnknownPorts { get; private set; }

    public void Apply(DockerfileStage stage)
    {
        var arguments = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Lookup(string name) =>
            environment.TryGetValue(name, out var value) ? value
            : arguments.TryGetValue(name, out var argument) ? argument
            : null;

        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "ARG":
                    foreach (var (name, value) in DockerfileArguments.Declarations(instruction, escape, Lookup))
                    {
                        arguments[name] = options.BuildArguments.TryGetValue(name, out var given) ? given
                            : value ?? (options.PlatformArguments().TryGetValue(name, out var automatic) ? automatic : null);
                    }

                    break;
                case "ENV":
                    foreach (var (name, value) in DockerfileArguments.Assignments(instruction, escape, Lookup))
                    {
                        environment[name] = value;
                        if (name == "PATH")
                        {
                            changes.SearchPath = value.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(ContainerPath.Normalize).ToList();
                        }
                    }

                    break;
                case "WORKDIR":
                    workingDirectory = ContainerPath.Combine(workingDirectory, DockerfileWords.Expand(instruction.Arguments.Trim(), escape, Lookup));
                    break;
                case "SHELL":
                    shell = DockerfileReader.ExecForm(instruction.Arguments) is { Count: > 0 } form ? form
                        : throw new DockerfileSyntaxException(instruction.Line, instruction.Column, "has SHELL in shell form; write it as a JSON array, e.g. SHELL [\"/bin/bash\", \"-c\"]");
                    break;
                case "EXPOSE":
                    Expose(instruction, Lookup);
                    break;
                case "HEALTHCHECK":
                    var none = instruction.Arguments.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase);
                    healthCheckNone = none;
                    healthCheck = none ? null : instruction;
                    break;
                case "RUN":
                    Run(instruction);
                    break;
                case "COPY" or "ADD":
                    Copy(instruction, Lookup);
                    break;
            }
        }
    }

    public DockerfileImage Build(DockerfileStage final) => new(final, changes)
    {
        HealthCheck = healthCheck,
        HealthCheckNone = healthCheckNone,
        WorkingDirectory = workingDirectory,
        Shell = shell[0] == "/bin/sh" ? null : shell,
    };

    private void Run(DockerfileInstruction run)
    {
        DockerfileFlags.ReadLeading(run.Arguments, escape, out var command);
        if (DockerfileReader.ExecForm(command) is { Count: > 0 } exec)
        {
            changes.Ran(exec[0]);
            changes.RunText(string.Join(' ', exec));
        }
        else
        {
            changes.Ran(shell[0]);
            changes.RunText(command);
        }

        foreach (var body in run.Heredocs)
        {
            changes.RunText(body);
        }
    }

    /// <summary>COPY/ADD [flags] SOURCE... DESTINATION (or the JSON form): what lands where in the image.</summary>
    private void Copy(DockerfileInstruction copy, Func<string, string?> lookup)
    {
        var words = DockerfileWords.Split(copy.Arguments, escape, lookup);
        DockerfileFlags.Read(words, out var rest);
        var paths = DockerfileReader.ExecForm(string.Join(' ', rest)) ?? rest;
        if (paths.Count < 2)
        {
            throw new DockerfileSyntaxException(copy.Line, copy.Column, $"has {copy.Keyword} with {(paths.Count == 0 ? "nothing" : "only one path")}; write {copy.Keyword} SOURCE... DESTINATION");
        }

        var destinationText = paths[^1];
        var destination = ContainerPath.Combine(workingDirectory, destinationText);
        var sources = paths.Take(paths.Count - 1).ToList();
        var intoDirectory = destinationText.EndsWith('/') || sources.Count > 1;
        foreach (var source in sources)
        {
            var name = source.StartsWith("<<", StringComparison.Ordinal) ? null : ContainerPath.FileName(source.Split('?')[0]);
            if (name is null)
            {
                // COPY <<EOF /path: the heredoc becomes the file at the destination.
                changes.Created(destination, isFile: true);
            }
            else if (IsFile(source))
            {
                changes.Created(intoDirectory ? ContainerPath.Combine(destination, name) : destination, isFile: true);
            }
            else
            {
                // A directory's contents (or an archive ADD unpacks) land in the destination: what is under it is unknown.
                changes.Created(destination, isFile: false);
            }
        }
    }

    /// <summary>A source that is surely one file: a name in a bin directory, or a URL; anything else may be a directory.</summary>
    private static bool IsFile(string source)
    {
        if (source.Contains("://", StringComparison.Ordinal))
        {
            return !source.EndsWith('/');
        }

        if (source.IndexOfAny(['*', '?', '[']) >= 0 || source.EndsWith('/') || source is "." or "..")
        {
            return false;
        }

        var directory = ContainerPath.Directory(ContainerPath.Combine("/", source));
        return directory.EndsWith("/bin", StringComparison.Ordinal) || directory.EndsWith("/sbin", StringComparison.Ordinal);
    }

    private void Expose(DockerfileInstruction expose, Func<string, string?> lookup)
    {
        foreach (var word in DockerfileWords.Split(expose.Arguments, escape, lookup, out var unset))
        {
            var number = word.Split('/')[0].Split('-')[0];
            if (HealthCheckPort.TryParse(number, out var port))
            {
                ports.Add(port);
            }
            else if (unset.Count > 0 || number.Length == 0)
            {
                HasUnknownPorts = true;
            }
            else
            {
                diagnostics.Add(new ContainerHealth.Diagnostics.Diagnostic(ContainerHealth.Diagnostics.DiagnosticCodes.InvalidValue, ContainerHealth.Diagnostics.DiagnosticSeverity.Error,
                    $"EXPOSE {word} is not a port; write a number from 1 to 65535, optionally with /tcp or /udp, e.g. EXPOSE 8080.", file, expose.Line, expose.Column));
            }
        }
    }
}
