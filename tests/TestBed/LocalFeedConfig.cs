using System.Xml.Linq;

namespace ContainerHealth.TestBed;

/// <summary>
/// The NuGet.Config a consumer project of the packed package gets: the local feed added to the sources the machine is
/// configured with (never a registry address of ours), and its own packages folder so a new pack is never shadowed by
/// an older extraction of the same version.
/// </summary>
public static class LocalFeedConfig
{
    public static void Write(string projectDirectory, string feed, string packagesFolder) =>
        new XElement("configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", packagesFolder))),
            new XElement("packageSources",
                new XElement("add", new XAttribute("key", "containerhealth-local"), new XAttribute("value", feed))))
            .Save(Path.Combine(projectDirectory, "NuGet.Config"));
}
