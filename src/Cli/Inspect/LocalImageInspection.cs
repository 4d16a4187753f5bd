using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;
using ContainerHealth.Inspection.Sources;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Inspect;

/// <summary>Inspects an image on disk: an OCI layout directory or an image archive.</summary>
public static class LocalImageInspection
{
    public static async Task<ImageInspectionResult> RunAsync(string argument, Platform? platform, CancellationToken cancellationToken)
    {
        try
        {
            using var source = LocalImageSource.Open(argument) ?? throw new UsageException($"{argument} does not exist");
            var platforms = source.Images.Select(i => i.Platform.ToString()).ToList();
            var image = platform is null && source.Images.Count > 1 && source.Images.FirstOrDefault(i => PlatformName.Host().Matches(i.Platform)) is { } host
                ? host
                : source.Select(platform);
            var facts = await LocalImageInspector.InspectAsync(source, image, cancellationToken);
            return new ImageInspectionResult(facts, platforms, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            var facts = new ImageFacts { Image = argument, Platform = platform?.ToString() ?? "", Source = FactsSource.Unknown, InspectionFailure = e.Message };
            var warning = new Diagnostic(DiagnosticCodes.InspectionFailed, DiagnosticSeverity.Error,
                $"{argument} could not be inspected: {e.Message}. Pass an OCI image layout directory, an image archive (docker save, skopeo copy ... oci-archive:) or a registry reference.");
            return new ImageInspectionResult(facts, [], warning);
        }
    }
}
