using ContainerHealth.Diagnostics;
using Microsoft.Build.Utilities;

namespace ContainerHealth.Build.Logging;

/// <summary>Reports a Core <see cref="Diagnostic"/> through MSBuild with its code and help link.</summary>
public static class DiagnosticLogging
{
    public static void Log(this TaskLoggingHelper log, Diagnostic diagnostic, string? fallbackFile = null)
    {
        var file = diagnostic.File ?? fallbackFile;
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError(null, diagnostic.Code, null, diagnostic.HelpLink, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning(null, diagnostic.Code, null, diagnostic.HelpLink, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            default:
                log.LogMessage(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, Microsoft.Build.Framework.MessageImportance.Normal, diagnostic.Message);
                break;
        }
    }
}
