namespace ContainerHealth.Probe;

/// <summary>Parses the durations the probe's options take: a whole number with a unit, "500ms", "2s", "1m".</summary>
internal static class DurationParser
{
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = default;
        error = "";
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        var unit = text[digits..];
        long milliseconds;
        if (digits == 0 || digits > 9 || !long.TryParse(text.AsSpan(0, digits), out var number))
        {
            error = $"'{text}' is not a duration: use a whole number with a unit, e.g. 500ms, 2s or 1m";
            return false;
        }

        switch (unit)
        {
            case "ms":
                milliseconds = number;
                break;
            case "s":
                milliseconds = number * 1000;
                break;
            case "m":
                milliseconds = number * 60_000;
                break;
            case "":
                error = $"'{text}' needs a unit: {text}ms, {text}s or {text}m";
                return false;
            default:
                error = $"'{text}' has an unknown unit '{unit}': use ms, s or m";
                return false;
        }

        if (milliseconds <= 0 || milliseconds > Longest.TotalMilliseconds)
        {
            error = $"'{text}' is out of range: between 1ms and 60m";
            return false;
        }

        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }
}
