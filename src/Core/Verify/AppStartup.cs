using System.Globalization;
using System.Text.RegularExpressions;

namespace ContainerHealth.Verify;

/// <summary>What an ASP.NET Core app's console log says about its start: that it started, and the addresses it listens on.</summary>
public static partial class AppStartup
{
    public static bool HasStarted(string output) =>
        output.Contains("Application started.", StringComparison.Ordinal) || ListeningLine().IsMatch(output);

    /// <summary>The ports of every <c>Now listening on: http://[::]:5000</c> line.</summary>
    public static IReadOnlyList<int> ListeningPorts(IEnumerable<string> output) =>
        output.SelectMany(line => ListeningLine().Matches(line))
            .Select(m => int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"Now listening on: \w+://[^\s]*?:(?<port>\d{1,5})\b")]
    private static partial Regex ListeningLine();
}
