namespace ContainerHealth.Lint;

/// <summary>
/// Splits a parsed Dockerfile into its stages and resolves each FROM as BuildKit does: variables from the ARGs declared
/// before the first FROM (their defaults, overridden by --build-arg) and the automatic platform arguments; a base that
/// names an earlier stage (case-insensitively) builds on that stage.
/// </summary>
public static class DockerfileStages
{
    public static IReadOnlyList<DockerfileStage> Read(DockerfileDocument document, DockerfileBuildOptions options)
    {
        var global = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stages = new List<DockerfileStage>();
        foreach (var instruction in document.Instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                stages.Add(Stage(instruction, stages, global, document.Escape, options));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add(instruction);
            }
            else if (instruction.Keyword == "ARG")
            {
                foreach (var (name, value) in DockerfileArguments.Declarations(instruction, document.Escape, n => Global(n, global, options)))
                {
                    global[name] = options.BuildArguments.TryGetValue(name, out var given) ? given : value;
                }
            }
            else
            {
                throw new DockerfileSyntaxException(instruction.Line, instruction.Column, $"has {instruction.Keyword} before the first FROM; only ARG may come before it");
            }
        }

        if (stages.Count == 0)
        {
            throw new DockerfileSyntaxException(0, 0, "has no FROM instruction, so it builds no image");
        }

        return stages;
    }

    /// <summary>The stage <c>docker build</c> ends with: the one --target names, else the last.</summary>
    public static DockerfileStage? Final(IReadOnlyList<DockerfileStage> stages, string? target) =>
        target is null ? stages[^1] : stages.LastOrDefault(s => string.Equals(s.Name, target, StringComparison.OrdinalIgnoreCase));

    private static string? Global(string name, Dictionary<string, string?> global, DockerfileBuildOptions options) =>
        global.TryGetValue(name, out var value) ? value
        : options.PlatformArguments().TryGetValue(name, out var automatic) ? automatic
        : null;

    private static DockerfileStage Stage(DockerfileInstruction from, List<DockerfileStage> stages, Dictionary<string, string?> global, char escape, DockerfileBuildOptions options)
    {
        var words = DockerfileWords.Split(from.Arguments, escape, n => Global(n, global, options), out var unset);
        DockerfileFlags.Read(words, out var rest);
        if (rest.Count is not (1 or 3) || (rest.Count == 3 && !rest[1].Equals("AS", StringComparison.OrdinalIgnoreCase)))
        {
            throw new DockerfileSyntaxException(from.Line, from.Column, $"has 'FROM {Shorten(from.Arguments)}'; write FROM [--platform=PLATFORM] IMAGE [AS NAME]");
        }

        var name = rest.Count == 3 ? rest[2] : null;
        var baseStage = stages.LastOrDefault(s => string.Equals(s.Name, rest[0], StringComparison.OrdinalIgnoreCase));
        return new DockerfileStage(stages.Count, name, rest[0], from)
        {
            BaseStage = baseStage,
            UnsetVariables = unset,
        };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
