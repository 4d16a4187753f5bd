namespace ContainerHealth.Inspection;

public enum LibcKind
{
    Unknown,
    None,
    Glibc,
    Musl,
}
