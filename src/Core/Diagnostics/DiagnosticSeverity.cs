namespace ContainerHealth.Diagnostics;

public enum DiagnosticSeverity
{
    Message,
    Warning,
    Error,
}
