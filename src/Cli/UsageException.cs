namespace ContainerHealth.Cli;

/// <summary>A command line that cannot run as given; the message says what to change. Exits with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
