using ContainerHealth.Diagnostics;
using ContainerHealth.Inspection;

namespace ContainerHealth.Cli.Inspect;

/// <summary>The facts for the chosen platform, every platform the image has, and CH1005 when the layers were not read.</summary>
public sealed record ImageInspectionResult(ImageFacts Facts, IReadOnlyList<string> Platforms, Diagnostic? Warning);
