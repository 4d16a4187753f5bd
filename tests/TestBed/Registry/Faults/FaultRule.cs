namespace ContainerHealth.TestBed.Registry.Faults;

/// <summary>
/// Applies <see cref="Fault"/> to the requests <see cref="Matches"/> picks: after letting <see cref="Skip"/> of them
/// through, the next <see cref="Times"/> (null: every one from then on).
/// </summary>
public sealed record FaultRule(Func<ProxiedRequest, bool> Matches, Fault Fault, int? Times = 1, int Skip = 0)
{
    private int seen;

    /// <summary>Counts <paramref name="request"/> if it matches; true when this rule applies to it. Called under the proxy's lock.</summary>
    internal bool Claims(ProxiedRequest request)
    {
        if (!Matches(request))
        {
            return false;
        }

        var index = seen++;
        return index >= Skip && (Times is null || index < Skip + Times);
    }
}
