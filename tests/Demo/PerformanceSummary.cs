using System.Text.RegularExpressions;

namespace ContainerHealth.Demo;

/// <summary>The target and task times of MSBuild's performance summary (<c>-flp:PerformanceSummary</c>), summed by name.</summary>
public sealed partial record PerformanceSummary(IReadOnlyList<PerformanceSummary.Entry> Targets, IReadOnlyList<PerformanceSummary.Entry> Tasks)
{
    public sealed record Entry(string Name, long Milliseconds, int Calls);

    public static PerformanceSummary Read(string logFile)
    {
        List<Entry> targets = [];
        List<Entry> tasks = [];
        List<Entry>? section = null;
        // Evaluation times come first and have no header of ours; only the target and task sections are read.
        foreach (var line in File.ReadLines(logFile))
        {
            if (line.StartsWith("Target Performance Summary", StringComparison.Ordinal))
            {
                section = targets;
            }
            else if (line.StartsWith("Task Performance Summary", StringComparison.Ordinal))
            {
                section = tasks;
            }
            else if (section is not null && SummaryLine().Match(line) is { Success: true } match)
            {
                section.Add(new Entry(match.Groups["name"].Value, long.Parse(match.Groups["ms"].Value), int.Parse(match.Groups["calls"].Value)));
            }
        }

        return new PerformanceSummary(targets, tasks);
    }

    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+(?<name>\S+)\s+(?<calls>\d+) calls")]
    private static partial Regex SummaryLine();
}
