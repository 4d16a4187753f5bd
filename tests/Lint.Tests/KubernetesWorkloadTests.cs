using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

/// <summary>Where Kubernetes keeps containers: List items, init containers (native sidecars), Job and CronJob templates; and Helm templates.</summary>
[Trait("Tier", "Unit")]
public sealed class KubernetesWorkloadTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-lint-k8s-workloads-");

    [Fact]
    public void List_items_sidecar_init_containers_and_cronjob_templates_are_all_read()
    {
        var file = Write(directory, "all.yaml", """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: apps/v1
                kind: Deployment
                metadata: { name: api }
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: proxy
                          image: shop-api:1.0
                          restartPolicy: Always
                          startupProbe:
                            exec:
                              command: ["curl", "-f", "http://localhost:8080/healthz"]
                      containers:
                        - name: api
                          image: shop-api:1.0
              - apiVersion: batch/v1
                kind: CronJob
                metadata: { name: nightly }
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: job
                              image: shop-api:1.0
                              livenessProbe:
                                exec:
                                  command: ["curl", "-f", "http://localhost:8080/healthz"]
                                periodSeconds: 0
                                successThreshold: 2
            """);

        var found = DeploymentLint.Run([file], [Chiseled], Settings).Diagnostics.Select(d => (d.Code, d.Line)).Order().ToList();

        Assert.Equal([(DiagnosticCodes.ProgramMissing, 16), (DiagnosticCodes.ProgramMissing, 34), (DiagnosticCodes.InvalidValue, 35), (DiagnosticCodes.InvalidValue, 36)], found);
    }

    [Fact]
    public void A_helm_template_is_one_note_not_an_error()
    {
        Write(directory, "chart/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.1.0\n");
        var template = Write(directory, "chart/templates/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "api.fullname" . }}
            spec:
              template:
                spec:
                  containers:
                    - name: {{ .Chart.Name }}
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                      {{- with .Values.livenessProbe }}
                      livenessProbe:
                        {{- toYaml . | nindent 12 }}
                      {{- end }}
            """);

        var result = DeploymentLint.Run([template], [Chiseled], Settings);

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Messages, m => m.Contains("a Helm template") && m.Contains("render it with `helm template` and lint the output"));
        Assert.Equal(DeploymentKind.HelmTemplate, DeploymentFileDiscovery.Classify(template, File.ReadAllText(template)));
    }

    public void Dispose() => directory.Dispose();
}
