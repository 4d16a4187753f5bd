using System.Globalization;

namespace ContainerHealth.Demo;

/// <summary>What <see cref="StartupHook"/> recorded in one publish: per task name, the methods JIT-compiled while it ran and the JIT's time.</summary>
public sealed class TaskJit(IReadOnlyDictionary<string, (long Methods, double Milliseconds)> byTask)
{
    public static TaskJit Read(string directory)
    {
        var byTask = new Dictionary<string, (long Methods, double Milliseconds)>(StringComparer.Ordinal);
        foreach (var line in Directory.GetFiles(directory, "*.tsv").SelectMany(File.ReadLines))
        {
            if (line.Split('\t') is [var name, var methods, var milliseconds])
            {
                var (sumMethods, sumMilliseconds) = byTask.GetValueOrDefault(name);
                byTask[name] = (sumMethods + long.Parse(methods, CultureInfo.InvariantCulture), sumMilliseconds + double.Parse(milliseconds, CultureInfo.InvariantCulture));
            }
        }

        return new TaskJit(byTask);
    }

    public (long Methods, double Milliseconds) Of(IEnumerable<string> tasks) =>
        tasks.Distinct().Select(t => byTask.GetValueOrDefault(t)).Aggregate((0L, 0.0), (sum, t) => (sum.Item1 + t.Methods, sum.Item2 + t.Milliseconds));
}
