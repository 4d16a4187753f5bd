namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>What the container's probe would get from the app started in Production.</summary>
public sealed class ProbeOutcome
{
    private ProbeOutcome(int? status, string? location, int? exitCode, string description)
    {
        Status = status;
        Location = location;
        ExitCode = exitCode;
        Description = description;
    }

    /// <summary>The HTTP status; null when the app exited (or never answered) before the request.</summary>
    public int? Status { get; }

    public string? Location { get; }

    public int? ExitCode { get; }

    public string Description { get; }

    /// <summary>
    /// The probe counts 200-399 as healthy; a redirect to a login page also counts as failed here, because the health
    /// check then checks nothing (the login page answers whether the app is healthy or not).
    /// </summary>
    public bool Fails => Status is not (>= 200 and <= 399) || RedirectsToLogin;

    public bool RedirectsToLogin =>
        Status is >= 300 and <= 399
        && Location is { } location
        && (location.Contains("login", StringComparison.OrdinalIgnoreCase) || location.Contains("signin", StringComparison.OrdinalIgnoreCase));

    public static ProbeOutcome Answered(int status, string? location) =>
        new(status, location, null, location is null ? $"HTTP {status}" : $"HTTP {status} -> {location}");

    public static ProbeOutcome Exited(int exitCode, string output) =>
        new(null, null, exitCode, $"exited with {exitCode} at start-up: {LastLines(output, 6)}");

    public static ProbeOutcome NoAnswer(string reason, string output) =>
        new(null, null, null, $"{reason}: {LastLines(output, 6)}");

    public override string ToString() => Description;

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
