using System.Security.Cryptography;
using System.Xml.Linq;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Publishing;

namespace ContainerHealth.Demo;

/// <summary>
/// A warm copy of samples/HealthySample (a test-bed slot) that references the packed ContainerHealth from the local feed,
/// as a user's project would after <c>dotnet add package ContainerHealth</c>. The package is extracted into a folder named
/// by the package's hash under the slot's obj/, so a new pack is picked up and an unchanged one stays warm.
/// </summary>
public static class PackagedSample
{
    public static async Task<SampleProject> AcquireAsync()
    {
        var package = await ContainerHealthPackage.GetAsync();
        var sample = await SampleProject.AcquireAsync();
        var packages = Path.Combine(sample.Directory, "obj", "packages-" + Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(package)))[..16]);
        LocalFeedConfig.Write(sample.Directory, Path.GetDirectoryName(package)!, packages);

        var project = XDocument.Load(sample.ProjectFile);
        var version = Path.GetFileNameWithoutExtension(package)["ContainerHealth.".Length..];
        project.Root!.Add(new XElement("ItemGroup",
            new XElement("PackageReference", new XAttribute("Include", "ContainerHealth"), new XAttribute("Version", version))));
        project.Save(sample.ProjectFile);
        return sample;
    }
}
