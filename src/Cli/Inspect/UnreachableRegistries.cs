using System.Collections.Concurrent;

namespace ContainerHealth.Cli.Inspect;

/// <summary>Registries that did not answer during this run, with why: each costs its timeouts and retries once, not once per image.</summary>
public sealed class UnreachableRegistries
{
    private readonly ConcurrentDictionary<string, string> reasons = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(string registry, string reason) => reasons.TryAdd(registry, reason);

    public string? Reason(string registry) => reasons.TryGetValue(registry, out var reason) ? $"{reason} (earlier in this run)" : null;
}
