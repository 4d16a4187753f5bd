using ContainerHealth.Diagnostics;

namespace ContainerHealth.Inspection;

/// <summary>The outcome of inspecting one base image for one platform: the facts, and CH1005 when they are not from the layers.</summary>
public sealed record BaseImageInspection(ImageFacts Facts, Diagnostic? Warning, bool FromCache);
