namespace ContainerHealth.Core.Tests.Registry;

/// <summary>Tests that change the process environment (PATH, DOCKER_CONFIG) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";

    public static IDisposable PrependToPath(string directory) => Set("PATH", directory + ":" + Environment.GetEnvironmentVariable("PATH"));

    public static IDisposable Set(string name, string? value)
    {
        var previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        return new Restore(() => Environment.SetEnvironmentVariable(name, previous));
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
