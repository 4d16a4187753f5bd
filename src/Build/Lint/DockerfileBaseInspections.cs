using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using ContainerHealth.Inspection;
using ContainerHealth.Lint;
using ContainerHealth.Registry;
using ContainerHealth.Registry.Authentication;

namespace ContainerHealth.Build.Lint;

/// <summary>
/// The build's reader of Dockerfile bases for the lint (<see cref="InspectImage"/>): the same inspector and cache as the
/// publish's own base image, with lint's short registry timeouts, for the platform a plain docker build on this machine
/// builds. Each base is read once per publish, however many RIDs are linted.
/// </summary>
internal sealed class DockerfileBaseInspections(InspectionCache cache, Action<string> trace, CancellationToken cancellationToken) : IDisposable
{
    private static readonly string HostRuntimeIdentifier = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    private readonly RegistryClient client = new(LintRegistryOptions.Create(ChainedCredentialSource.Default(RegistryMode.Pull, trace), trace));
    private readonly ConcurrentDictionary<string, Lazy<Task<BaseImageInspection>>> inspections = new(StringComparer.Ordinal);

    public Task<BaseImageInspection> InspectAsync(string image, CancellationToken _) =>
        inspections.GetOrAdd(image, name => new Lazy<Task<BaseImageInspection>>(() => ReadAsync(name))).Value;

    public void Dispose() => client.Dispose();

    private async Task<BaseImageInspection> ReadAsync(string image)
    {
        if (!ImageReference.TryParse(image, out var reference, out var error))
        {
            var unknown = new ImageFacts { Image = image, Platform = "", Source = FactsSource.Unknown };
            return new BaseImageInspection(unknown, new ContainerHealth.Diagnostics.Diagnostic(
                ContainerHealth.Diagnostics.DiagnosticCodes.InspectionFailed, ContainerHealth.Diagnostics.DiagnosticSeverity.Warning,
                $"The base image '{image}' is not an image reference ({error}), so the Dockerfile's health check was not checked against it. Fix the FROM line."), false);
        }

        var inspection = await new BaseImageInspector(client, cache, trace).InspectAsync(reference, HostRuntimeIdentifier, cancellationToken);
        trace($"Dockerfile base {reference} ({HostRuntimeIdentifier}): {inspection.Facts.Describe()}{(inspection.FromCache ? " [cached]" : "")}");
        return inspection;
    }
}
