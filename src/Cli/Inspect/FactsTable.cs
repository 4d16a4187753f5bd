using ContainerHealth.Inspection;

namespace ContainerHealth.Cli.Inspect;

/// <summary>The human-readable <c>inspect</c> output: one labelled row per fact.</summary>
public static class FactsTable
{
    public static void Write(TextWriter output, InspectReport report)
    {
        var rows = new List<(string Label, string Value)>
        {
            ("Image", report.Image),
            ("Platform", report.Platforms.Count > 1 ? $"{report.Platform} (image has {string.Join(", ", report.Platforms)})" : report.Platform),
        };
        if (report.ManifestDigest is { Length: > 0 } digest)
        {
            rows.Add(("Manifest", digest));
        }

        rows.Add(("Read from", report.Source switch
        {
            "layers" => "layers",
            "name" => "the image name only (layers unreadable)",
            _ => "nothing (layers unreadable, family unknown)",
        }));
        rows.Add(("Shell", report.Shell switch
        {
            true => report.ShellPath is { } path && path != ImageFacts.ShellPath ? $"{ImageFacts.ShellPath} -> {path}" : ImageFacts.ShellPath,
            false => "none",
            null => "unknown",
        }));
        rows.Add(("curl", Presence(report.Curl, report.BusyboxApplets.Contains("curl"))));
        rows.Add(("wget", Presence(report.Wget, report.BusyboxApplets.Contains("wget"))));
        rows.Add(("libc", report.Libc));
        rows.Add(("User", report.User ?? "root (not set)"));
        rows.Add(("Port env", report.PortEnvironment.Count > 0 ? string.Join(" ", report.PortEnvironment) : "none"));
        rows.Add(("Exposed", report.ExposedPorts.Count > 0 ? string.Join(" ", report.ExposedPorts) : "none"));
        rows.Add(("Healthcheck", report.Healthcheck is { } check ? Describe(check) : "none"));
        rows.Add(("Summary", report.Summary));

        var width = rows.Max(r => r.Label.Length) + 2;
        foreach (var (label, value) in rows)
        {
            output.WriteLine(label.PadRight(width) + value);
        }
    }

    private static string Presence(bool? present, bool busybox) => present switch
    {
        true => busybox ? "yes (busybox applet)" : "yes",
        false => "no",
        null => "unknown",
    };

    private static string Describe(InspectHealthcheck check)
    {
        var test = check.Test.Count > 0 && check.Test[0] == "NONE" ? "NONE (disabled)" : "[" + string.Join(", ", check.Test.Select(t => $"\"{t}\"")) + "]";
        var timings = new[]
        {
            check.IntervalSeconds is { } interval ? $"interval {interval}s" : null,
            check.TimeoutSeconds is { } timeout ? $"timeout {timeout}s" : null,
            check.StartPeriodSeconds is { } start ? $"start period {start}s" : null,
            check.Retries is { } retries ? $"retries {retries}" : null,
        }.Where(t => t is not null);
        var suffix = string.Join(", ", timings);
        return suffix.Length > 0 ? $"{test} ({suffix})" : test;
    }
}
