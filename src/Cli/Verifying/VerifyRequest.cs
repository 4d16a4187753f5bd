using ContainerHealth.Verify;

namespace ContainerHealth.Cli.Verifying;

/// <summary>The verify command line once checked.</summary>
public sealed record VerifyRequest(
    string Image,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> ComposeFiles,
    string? Engine,
    string? Platform,
    VerifyOptions Options);
