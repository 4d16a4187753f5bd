namespace ContainerHealth.HealthCheck;

/// <summary>
/// Which shipped probe runs in an image of a given runtime identifier. The probes are static executables (no libc of the
/// image's is loaded), so a musl image — Alpine, <c>ContainerFamily=alpine</c> — runs the glibc-built probe of its
/// architecture as it is.
/// </summary>
public static class ProbeRuntimeIdentifier
{
    public static string? For(string runtimeIdentifier, IReadOnlyCollection<string> shipped)
    {
        var candidate = runtimeIdentifier.StartsWith("linux-musl-", StringComparison.OrdinalIgnoreCase)
            ? "linux-" + runtimeIdentifier["linux-musl-".Length..]
            : runtimeIdentifier;
        return shipped.FirstOrDefault(r => r.Equals(candidate, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Why there is no probe for a runtime identifier, in words a user can act on.</summary>
    public static string Unsupported(string runtimeIdentifier, IReadOnlyCollection<string> shipped)
    {
        var ships = string.Join(", ", shipped.Order(StringComparer.Ordinal));
        var reason = runtimeIdentifier.Equals("linux-arm", StringComparison.OrdinalIgnoreCase) || runtimeIdentifier.Equals("linux-musl-arm", StringComparison.OrdinalIgnoreCase)
            ? $"32-bit ARM is not among them: the probe is a NativeAOT executable, and no NativeAOT compiler package for {runtimeIdentifier} is available to build it"
            : $"'{runtimeIdentifier}' is not among them";
        return $"ContainerHealth ships health probes for {ships} (and their linux-musl- twins); {reason}, so this image gets no probe and no HEALTHCHECK. Publish for one of those, or set ContainerHealthCheckCommand to your own check.";
    }
}
