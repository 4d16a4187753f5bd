namespace ContainerHealth.Analyzers;

/// <summary>The CH0xxx analyzer rule IDs; help links are derived from them.</summary>
public static class DiagnosticIds
{
    public const string HelpLinkBase = "https://github.com/containerhealth/containerhealth/blob/main/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
