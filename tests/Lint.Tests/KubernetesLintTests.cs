using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

[Trait("Tier", "Unit")]
public sealed class KubernetesLintTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-k8s-");

    [Fact]
    public void An_sh_c_exec_probe_is_CH1001_and_CH1002_and_an_httpGet_probe_is_checked_for_path_and_port()
    {
        var file = Write(directory, "deploy/k8s/app.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: shop-api
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop-api
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: ghcr.io/team/shop-api:2.0
                      livenessProbe:
                        exec:
                          command: ["sh", "-c", "wget -qO- http://localhost:8080/healthz"]
                      readinessProbe:
                        httpGet:
                          path: /ready
                          port: 8081
            """);

        var codes = DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics.Select(d => (d.Code, d.Line)).Order().ToList();

        Assert.Equal([(DiagnosticCodes.ShellMissing, 18), (DiagnosticCodes.ProgramMissing, 18), (DiagnosticCodes.PortMismatch, 22), (DiagnosticCodes.PathMismatch, 21)], codes);
    }

    [Fact]
    public void A_probe_exec_and_a_matching_httpGet_are_fine()
    {
        var file = Write(directory, "pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: api
            spec:
              containers:
                - name: api
                  image: shop-api:2.0
                  livenessProbe:
                    exec:
                      command: ["/app/healthprobe", "--path", "/healthz"]
                  readinessProbe:
                    httpGet:
                      path: /healthz
                      port: 8080
            """);

        Assert.Empty(DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics);
    }

    [Fact]
    public void Discovery_walks_up_to_the_repository_root_and_skips_helm_templates_and_other_json()
    {
        var repository = directory.Info.CreateSubdirectory("repo");
        repository.CreateSubdirectory(".git");
        var project = repository.CreateSubdirectory("src/Shop.Api");
        var compose = Write(repository, "compose.yaml", "services: {}\n");
        var manifest = Write(repository, "k8s/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: []\n");
        var task = Write(project, "ecs/taskdef.json", """{ "containerDefinitions": [] }""");
        Write(project, "appsettings.json", """{ "Logging": {} }""");
        Write(repository, "k8s/helm-template.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: {{ .Values.image }}\n");
        Write(directory, "compose.yaml", "outside the repository: never read\n");

        var found = DeploymentFileDiscovery.Find(project.FullName);

        Assert.Equal([compose, manifest, task], found.Order());
    }

    public void Dispose() => directory.Dispose();
}
