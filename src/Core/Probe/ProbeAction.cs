namespace ContainerHealth.Probe;

public enum ProbeAction
{
    /// <summary>Nothing to do.</summary>
    None,

    /// <summary>Copy (or refresh) the probe into the publish directory.</summary>
    Copy,

    /// <summary>A probe we put there earlier is no longer wanted: delete it so it does not land in the image.</summary>
    RemoveStale,

    /// <summary>The user has their own file of that name: report CH1010 and touch nothing.</summary>
    RefuseCollision,
}
