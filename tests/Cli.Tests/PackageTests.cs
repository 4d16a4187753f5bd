using System.IO.Compression;
using ContainerHealth.TestBed;

namespace ContainerHealth.Cli.Tests;

/// <summary>The tool package: its own nupkg, a .NET tool whose command is container-health, installable and runnable.</summary>
[Trait("Tier", "Engine")]
public sealed class PackageTests
{
    [Fact]
    public async Task Pack_yields_a_tool_package_that_installs_and_runs()
    {
        var tool = await InstalledCli.GetAsync();

        Assert.Matches(@"ContainerHealth\.Cli\.\d+\.\d+\.\d+(-[\w.]+)?\.nupkg$", InstalledCli.PackagePath);
        using (var package = ZipFile.OpenRead(InstalledCli.PackagePath))
        {
            var names = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(names, n => n.StartsWith("tools/net8.0/any/container-health.dll", StringComparison.Ordinal));
            Assert.Contains("tools/net8.0/any/DotnetToolSettings.xml", names);
            Assert.Contains(names, n => n.EndsWith("ContainerHealth.Core.dll", StringComparison.Ordinal));
            // probe write / probe image need both probes.
            Assert.Contains("tools/net8.0/any/probe/linux-x64/healthprobe", names);
            Assert.Contains("tools/net8.0/any/probe/linux-arm64/healthprobe", names);
        }

        var version = await ProcessRunner.RunAsync(tool, ["--version"]);
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.StandardOutput);
    }
}
