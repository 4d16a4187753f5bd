namespace ContainerHealth.Lint;

public enum DeploymentKind
{
    EcsTaskDefinition,
    Compose,
    Kubernetes,
}
