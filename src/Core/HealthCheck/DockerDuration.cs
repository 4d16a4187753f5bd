using System.Globalization;
using System.Text;

namespace ContainerHealth.HealthCheck;

/// <summary>
/// A duration in Docker's and compose's syntax (Go's time.ParseDuration: <c>500ms</c>, <c>30s</c>, <c>1m30s</c>, <c>1.5h</c>),
/// held in nanoseconds because that is what an image config stores.
/// </summary>
public readonly record struct DockerDuration(long Nanoseconds) : IComparable<DockerDuration>
{
    public const string Syntax = "a Docker duration: a number with a unit (ns, us, ms, s, m, h), e.g. 500ms, 30s, 1m30s";

    private static readonly (string Unit, long Nanoseconds)[] Units =
    [
        ("ns", 1),
        ("us", 1_000),
        ("µs", 1_000),
        ("ms", 1_000_000),
        ("s", 1_000_000_000),
        ("m", 60L * 1_000_000_000),
        ("h", 3600L * 1_000_000_000),
    ];

    public static DockerDuration Zero => default;

    public static DockerDuration FromSeconds(long seconds) => new(checked(seconds * 1_000_000_000));

    public double TotalSeconds => Nanoseconds / 1e9;

    /// <summary>The duration to the 100 ns a <see cref="TimeSpan"/> holds.</summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / 100);

    public bool IsZero => Nanoseconds == 0;

    public static bool TryParse(string? text, out DockerDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s == "0")
        {
            return true;
        }

        decimal total = 0;
        var i = 0;
        while (i < s.Length)
        {
            var numberStart = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (!decimal.TryParse(s.AsSpan(numberStart, i - numberStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = s[unitStart..i];
            var factor = Units.FirstOrDefault(u => u.Unit == unit).Nanoseconds;
            if (factor == 0)
            {
                return false;
            }

            total += number * factor;
            if (total > long.MaxValue)
            {
                return false;
            }
        }

        duration = new DockerDuration((long)decimal.Round(total));
        return true;
    }

    public int CompareTo(DockerDuration other) => Nanoseconds.CompareTo(other.Nanoseconds);

    public static bool operator <(DockerDuration left, DockerDuration right) => left.Nanoseconds < right.Nanoseconds;

    public static bool operator >(DockerDuration left, DockerDuration right) => left.Nanoseconds > right.Nanoseconds;

    public static bool operator <=(DockerDuration left, DockerDuration right) => left.Nanoseconds <= right.Nanoseconds;

    public static bool operator >=(DockerDuration left, DockerDuration right) => left.Nanoseconds >= right.Nanoseconds;

    /// <summary>The shortest form compose accepts back: <c>1m30s</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public override string ToString()
    {
        if (Nanoseconds == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var rest = Nanoseconds;
        foreach (var (unit, size) in new[] { ("h", Units[6].Nanoseconds), ("m", Units[5].Nanoseconds), ("s", Units[4].Nanoseconds), ("ms", Units[3].Nanoseconds), ("us", Units[1].Nanoseconds), ("ns", 1L) })
        {
            if (rest >= size)
            {
                text.Append(rest / size).Append(unit);
                rest %= size;
            }
        }

        return text.ToString();
    }
}
