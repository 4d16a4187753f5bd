namespace ContainerHealth.Demo;

/// <summary>A demo step that did not do what the demo shows; <see cref="Details"/> goes to the log, the message to the screen.</summary>
public sealed class DemoFailure(string message, string details) : Exception(message)
{
    public string Details { get; } = details;
}
