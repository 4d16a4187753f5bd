namespace ContainerHealth.Lint;

/// <summary>
/// One build stage: <c>FROM [--platform=P] BASE [AS NAME]</c> and the instructions up to the next FROM. <see cref="Base"/>
/// is the base as written with its variables expanded; <see cref="BaseStage"/> the earlier stage it names, if any.
/// <see cref="UnsetVariables"/> lists the variables in the FROM line that nothing set (pass them with --build-arg).
/// </summary>
public sealed record DockerfileStage(int Index, string? Name, string Base, DockerfileInstruction From)
{
    public DockerfileStage? BaseStage { get; init; }

    public IReadOnlyCollection<string> UnsetVariables { get; init; } = [];

    public List<DockerfileInstruction> Instructions { get; } = [];

    public bool IsScratch => BaseStage is null && Base.Equals("scratch", StringComparison.OrdinalIgnoreCase);

    /// <summary>This stage and the stages it is built on, the first stage first.</summary>
    public IReadOnlyList<DockerfileStage> Chain()
    {
        var chain = new List<DockerfileStage>();
        for (var stage = this; stage is not null; stage = stage.BaseStage)
        {
            chain.Insert(0, stage);
        }

        return chain;
    }

    /// <summary>The image at the bottom of the chain (<c>scratch</c> included).</summary>
    public DockerfileStage Root => Chain()[0];
}
