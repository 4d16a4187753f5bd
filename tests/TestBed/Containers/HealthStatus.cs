namespace ContainerHealth.TestBed.Containers;

/// <summary>Docker's health states; <see cref="None"/> is a <c>["NONE"]</c> (or absent) check.</summary>
public enum HealthStatus
{
    None,
    Starting,
    Healthy,
    Unhealthy,
}
