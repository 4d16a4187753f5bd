namespace ContainerHealth.Verify;

/// <summary>The image could not be brought into the engine (CH1015), in the engine's words.</summary>
public sealed class ImageUnavailableException(string message) : Exception(message);
