using ContainerHealth.HealthCheck;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace ContainerHealth.Build.HealthCheck;

/// <summary>
/// Once per publish (a multi-RID publish decides per RID, but the path and the Host header are the app's): says from
/// the decision records which health endpoint the HEALTHCHECK probes and why, which Host header it sends, and, with
/// CH1018, when nothing confirms that the probed path answers in Production.
/// </summary>
public sealed class ReportHealthCheckDecision : Task
{
    /// <summary>The decision records of this publish's runtime identifiers.</summary>
    public ITaskItem[] DecisionFiles { get; set; } = [];

    public string ProjectFile { get; set; } = "";

    public override bool Execute()
    {
        var records = DecisionFiles.Select(f => HealthCheckDecisionFile.Read(f.ItemSpec)).OfType<HealthCheckDecisionRecord>().Where(r => r.Healthcheck is not null).ToList();
        foreach (var choice in records.Select(r => r.PathChoice).Where(c => c.Length > 0).Distinct())
        {
            Log.LogMessage(MessageImportance.High, choice);
        }

        foreach (var record in records.Where(r => r.HostHeader.Length > 0).DistinctBy(r => r.HostHeader))
        {
            Log.LogMessage(MessageImportance.High,
                "ContainerHealth: the app's host filter ({0}) answers Host: localhost with 400, so the HEALTHCHECK sends Host: {1} (--host-header).",
                record.HostHeaderSource, record.HostHeader);
        }

        foreach (var unconfirmed in records.Select(r => r.PathUnconfirmed).Where(u => u.Length > 0).Distinct())
        {
            Log.LogMessage(null, ContainerHealth.Diagnostics.DiagnosticCodes.ProbePathUnconfirmed, null, ProjectFile, 0, 0, 0, 0, MessageImportance.High, unconfirmed);
        }

        return true;
    }
}
