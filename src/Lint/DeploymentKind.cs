namespace ContainerHealth.Lint;

public enum DeploymentKind
{
    EcsTaskDefinition,
    Compose,
    Kubernetes,
    CloudFormation,
    Terraform,

    /// <summary>A Dockerfile (or Containerfile): its final stage is the container, its base image the one inspected.</summary>
    Dockerfile,

    /// <summary>A Helm chart template: YAML only once rendered, so it is not linted as it stands.</summary>
    HelmTemplate,
}
