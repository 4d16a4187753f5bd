using System.CommandLine;
using ContainerHealth.Cli.Inspect;

namespace ContainerHealth.Cli.Probe;

/// <summary>
/// <c>container-health probe write PATH [--arch amd64|arm64]</c> and <c>container-health probe image --push REGISTRY/REPO:TAG</c>:
/// the static probe for images ContainerHealth does not build (Dockerfiles of any language, ko's kodata/).
/// </summary>
public static class ProbeCommand
{
    public static Command Create() => new("probe", "The static health probe for any image: write it to a file, or push a probe-only image to COPY --from.")
    {
        Write(),
        Image(),
    };

    private static Command Write()
    {
        var path = new Argument<string>("path") { Description = "Where to write the probe: a file, or a directory to write healthprobe into (e.g. kodata/)." };
        var architecture = Architecture();
        var command = new Command("write", "Write the static probe (executable) for one architecture.") { path, architecture };
        command.SetAction(parsed =>
        {
            var written = ProbeFile.Write(parsed.GetRequiredValue(path), parsed.GetValue(architecture) ?? PlatformName.Host().Architecture);
            Console.Out.WriteLine(written);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Image()
    {
        var push = new Option<string>("--push") { Description = "The image to push, REGISTRY/REPO:TAG: FROM scratch with /healthprobe, for linux/amd64 and linux/arm64.", Required = true };
        var command = new Command("image", "Push a probe-only image (an OCI index for linux/amd64 and linux/arm64) that a Dockerfile copies /healthprobe from.") { push };
        command.SetAction((parsed, cancellationToken) => ProbeImagePush.RunAsync(parsed.GetRequiredValue(push), cancellationToken));
        return command;
    }

    private static Option<string?> Architecture()
    {
        var option = new Option<string?>("--arch") { Description = "amd64 or arm64 (default: this machine's)." };
        option.AcceptOnlyFromAmong([.. ShippedProbe.Architectures]);
        return option;
    }
}
