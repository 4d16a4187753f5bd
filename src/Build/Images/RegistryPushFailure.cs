using System.Text.Json;
using ContainerHealth.Registry;

namespace ContainerHealth.Build.Images;

/// <summary>
/// One line for CH1011 from whatever stopped a HEALTHCHECK push: where, what failed, and what to do about it. Blobs go
/// before tags and each tag is one manifest PUT, so after any failure every tag still names a complete image.
/// </summary>
internal static class RegistryPushFailure
{
    /// <summary>The exceptions a push can end with that are the registry's, the network's or the input's fault, not a bug here.</summary>
    public static bool IsExpected(Exception e) =>
        e is RegistryException or HttpRequestException or IOException or TimeoutException or JsonException
            or ArgumentException or FormatException or InvalidOperationException;

    public static string Describe(Exception e, string registry, string repository)
    {
        var advice = e switch
        {
            RegistryException { Failure: RegistryFailure.Unauthorized } =>
                "make sure the credentials the SDK pushed with (DOTNET_CONTAINER_PUSH_REGISTRY_UNAME/PWORD, DOTNET_CONTAINER_REGISTRY_UNAME/PWORD or Docker's config.json) may push to this repository, then publish again",
            RegistryException { Failure: RegistryFailure.Unreachable } or HttpRequestException or IOException or TimeoutException =>
                $"make sure {registry} is reachable, then publish again",
            RegistryException { Failure: RegistryFailure.NotFound } =>
                "the SDK's push is incomplete; publish again",
            RegistryException => "publish again; if it keeps failing, the registry's log says why it refused",
            _ => "the SDK produced a manifest or config ContainerHealth cannot read; publish again, and if it keeps failing report it with the SDK version",
        };
        var reason = e switch
        {
            JsonException => $"the SDK's manifest or config is not valid JSON ({e.Message})",
            HttpRequestException or IOException => $"the connection failed ({e.Message})",
            _ => e.Message,
        };
        return OneLine(
            $"ContainerHealth could not write the HEALTHCHECK to {registry}/{repository}: {reason}. "
            + $"Every tag still names a complete image (the SDK's has no HEALTHCHECK). To fix: {advice}; or set ContainerHealthCheck=false to publish without one.");
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
