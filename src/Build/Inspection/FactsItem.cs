using ContainerHealth.Inspection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerHealth.Build.Inspection;

/// <summary>The facts as an MSBuild item: identity = the image, metadata = what targets decide on ("true"/"false"/"unknown").</summary>
public static class FactsItem
{
    public static ITaskItem From(ImageFacts facts, string runtimeIdentifier, string factsFile)
    {
        static string Flag(bool? value) => value switch { true => "true", false => "false", null => "unknown" };

        var item = new TaskItem(facts.Image);
        item.SetMetadata("RuntimeIdentifier", runtimeIdentifier);
        item.SetMetadata("Platform", facts.Platform);
        item.SetMetadata("Source", facts.Source.ToString());
        item.SetMetadata("ManifestDigest", facts.ManifestDigest ?? "");
        item.SetMetadata("HasShell", Flag(facts.HasShell));
        item.SetMetadata("ShellTarget", facts.ShellTarget ?? "");
        item.SetMetadata("HasCurl", Flag(facts.HasProgram("curl")));
        item.SetMetadata("HasWget", Flag(facts.HasProgram("wget")));
        item.SetMetadata("Libc", facts.Libc.ToString());
        item.SetMetadata("User", facts.User ?? "");
        item.SetMetadata("ExposedPorts", string.Join(";", facts.ExposedPorts));
        item.SetMetadata("HasHealthcheck", facts.Healthcheck is null ? "false" : "true");
        item.SetMetadata("Description", facts.Describe());
        item.SetMetadata("FactsFile", factsFile);
        return item;
    }
}
