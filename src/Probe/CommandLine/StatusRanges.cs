namespace ContainerHealth.Probe;

/// <summary>The HTTP statuses that count as healthy: "200-399" (the default, as in Kubernetes), "200", "200,204,300-308".</summary>
internal sealed class StatusRanges
{
    private readonly (int Low, int High)[] ranges;

    private StatusRanges((int Low, int High)[] ranges, string text)
    {
        this.ranges = ranges;
        Text = text;
    }

    public static StatusRanges Default { get; } = new([(200, 399)], "200-399");

    public string Text { get; }

    public bool Contains(int status)
    {
        foreach (var (low, high) in ranges)
        {
            if (status >= low && status <= high)
            {
                return true;
            }
        }

        return false;
    }

    public static bool TryParse(string text, out StatusRanges statusRanges, out string error)
    {
        statusRanges = Default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var parsed = new (int Low, int High)[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var dash = parts[i].IndexOf('-');
            var lowText = dash < 0 ? parts[i] : parts[i][..dash];
            var highText = dash < 0 ? parts[i] : parts[i][(dash + 1)..];
            if (!TryParseStatus(lowText, out var low) || !TryParseStatus(highText, out var high) || low > high)
            {
                error = $"'{text}' is not a list of statuses: use e.g. 200-399 or 200,204 (each 100-599)";
                return false;
            }

            parsed[i] = (low, high);
        }

        statusRanges = new StatusRanges(parsed, text);
        error = "";
        return true;
    }

    private static bool TryParseStatus(string text, out int status)
    {
        status = 0;
        if (text.Length != 3)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            status = (status * 10) + (c - '0');
        }

        return status is >= 100 and <= 599;
    }
}
