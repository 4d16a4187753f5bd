using ContainerHealth.TestBed;

namespace ContainerHealth.Probe.Tests.Fixtures;

/// <summary>The ground truth the probe must agree with: curl and busybox wget, asked whether a URL answers with success.</summary>
public static class ReferenceClients
{
    /// <summary><c>curl -fsS</c>: success when the final status is below 400.</summary>
    public static async Task<bool> CurlSucceedsAsync(string url) =>
        (await ProcessRunner.RunAsync("curl", ["-fsS", "-o", "/dev/null", "--max-time", "20", url], timeout: TimeSpan.FromSeconds(60))).ExitCode == 0;

    /// <summary>
    /// <c>busybox wget</c>, the anchor in busybox and Alpine images: success on 2xx (it follows redirects). No -T: busybox
    /// 1.35's wget crashes (SIGSEGV) when -T meets a URL with credentials; the runner's timeout bounds it instead.
    /// </summary>
    public static async Task<bool> BusyboxWgetSucceedsAsync(string url) =>
        (await ProcessRunner.RunAsync("busybox", ["wget", "-q", "-O", "/dev/null", url], timeout: TimeSpan.FromSeconds(60))).ExitCode == 0;
}
