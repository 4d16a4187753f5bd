using ContainerHealth.Build.Logging;
using ContainerHealth.HealthCheck;
using ContainerHealth.Inspection;
using Microsoft.Build.Framework;

namespace ContainerHealth.Build.HealthCheck;

/// <summary>
/// The decide step: validates the ContainerHealth* properties against the SDK's container facts, decides which probe to
/// copy and which HEALTHCHECK to write, and saves the whole decision as this RID's <see cref="HealthCheckDecisionRecord"/>
/// (<see cref="DecisionFile"/>), which every later step reads. Its only side effect is that file.
/// </summary>
public sealed class ComputeContainerHealthCheck : HealthCheckDecisionTask
{
    /// <summary>Where this RID's decision record goes (an earlier publish's is replaced, or deleted when no decision is made).</summary>
    [Required]
    public string DecisionFile { get; set; } = "";

    public string ContainerRuntimeIdentifier { get; set; } = "";

    /// <summary>The base image's facts file from the inspection (its environment can decide the app's port), or empty.</summary>
    public string BaseImageFactsFile { get; set; } = "";

    /// <summary>Docker's Healthcheck object as JSON, or empty when the image gets no HEALTHCHECK.</summary>
    [Output]
    public string HealthCheck { get; set; } = "";

    /// <summary>The runtime identifier whose probe to copy, or empty for none.</summary>
    [Output]
    public string ProbeRuntimeIdentifier { get; set; } = "";

    [Output]
    public string ProbePathInImage { get; set; } = "";

    /// <summary>http, grpc, tcp or command, for the decision line in the build output.</summary>
    [Output]
    public string CheckProtocol { get; set; } = "";

    public override bool Execute()
    {
        if (File.Exists(DecisionFile))
        {
            File.Delete(DecisionFile);
        }

        var settings = Settings();
        var facts = Facts(ContainerRuntimeIdentifier, BaseImageFactsFile.Length > 0 && FactsFileWriter.Read(BaseImageFactsFile) is { } imageFacts ? imageFacts.Environment : []);
        var decision = HealthCheckPlanner.Decide(settings, facts);

        foreach (var diagnostic in decision.Diagnostics)
        {
            Log.Log(diagnostic, ProjectFile);
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        var record = HealthCheckDecisionRecord.From(decision, settings, facts, BaseImageFactsFile);
        HealthCheckDecisionFile.Write(DecisionFile, record);
        HealthCheck = record.HealthcheckJson();
        ProbeRuntimeIdentifier = record.ProbeRuntimeIdentifier;
        ProbePathInImage = record.ProbePathInImage;
        CheckProtocol = record.Protocol;
        var probed = decision.Definition is not null && decision.ProbeRuntimeIdentifier is not null && Command.Length == 0;
        if (probed && decision.ProtocolFromPackages)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the project references {0} and sets no ContainerHealthCheckPath, so the HEALTHCHECK calls grpc.health.v1.Health/Check (ContainerHealthCheckProtocol=grpc; set it to http to probe a path instead).",
                string.Join(", ", HealthCheckProtocolChoice.GrpcHealthReferences(facts.PackageReferences)));
        }

        if (probed && decision.Port.Pinned && Port.Length == 0)
        {
            Log.LogMessage(MessageImportance.High, "ContainerHealth: the app listens on port {0} ({1}), so the HEALTHCHECK probes {2}.", decision.Port.Number, decision.Port.Source, HealthCheckProtocolChoice.Url(decision.Protocol, decision.Port.Number, decision.Path));
        }

        return true;
    }
}
