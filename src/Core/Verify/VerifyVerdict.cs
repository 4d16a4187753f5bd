namespace ContainerHealth.Verify;

public enum VerifyVerdict
{
    Healthy,

    /// <summary>The check kept failing after the start period (the engine said unhealthy, or the started app kept failing).</summary>
    Unhealthy,

    /// <summary>The container stopped before it was healthy.</summary>
    Exited,

    /// <summary>The engine could not start the check's program (no shell, no such file).</summary>
    CheckCannotStart,

    /// <summary>No verdict within the verify's timeout.</summary>
    TimedOut,

    /// <summary>The image has no HEALTHCHECK and none was given: nothing to run.</summary>
    NoHealthCheck,
}
