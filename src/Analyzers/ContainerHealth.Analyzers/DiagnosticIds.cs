namespace ContainerHealth.Analyzers;

/// <summary>The CH0xxx analyzer rule IDs; help links are derived from them.</summary>
public static class DiagnosticIds
{
    public const string HealthEndpointNotMapped = "CH0001";
    public const string HealthEndpointMappedElsewhere = "CH0002";
    public const string HealthChecksNotRegistered = "CH0003";
    public const string HealthEndpointRequiresAuthorization = "CH0004";
    public const string HealthEndpointHostExcludesLocalhost = "CH0005";
    public const string HealthEndpointDevelopmentOnly = "CH0006";
    public const string GrpcHealthServiceNotMapped = "CH0007";
    public const string GrpcHealthChecksNotRegistered = "CH0008";
    public const string PortPinnedInCode = "CH0009";
    public const string HealthEndpointGatedByConfiguration = "CH0010";
    public const string HostFilteringExcludesProbe = "CH0011";

    public const string HelpLinkBase = RuleDocs.Url;

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
