using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ContainerHealth.Diagnostics;
using ContainerHealth.TestBed;

namespace ContainerHealth.Package.Tests;

[Trait("Tier", "Engine")]
public sealed class PackageLayoutTests
{
    [Fact]
    public async Task Package_file_list_matches_the_snapshot()
    {
        using var archive = ZipFile.OpenRead(await ContainerHealthPackage.GetAsync());
        var actual = archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
        var snapshotPath = Path.Combine(AppContext.BaseDirectory, "nupkg-files.txt");
        var expected = File.ReadAllLines(snapshotPath).Where(l => l.Length > 0).ToArray();

        Assert.True(
            expected.SequenceEqual(actual),
            "The package layout changed. If intended, update tests/Package.Tests/nupkg-files.txt to:\n" + string.Join('\n', actual));
    }

    [Fact]
    public async Task Package_is_a_development_dependency_without_dependencies()
    {
        using var archive = ZipFile.OpenRead(await ContainerHealthPackage.GetAsync());
        using var nuspecStream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal("ContainerHealth", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public async Task Nuspec_matches_the_snapshot_and_names_the_repository_and_the_commit_it_was_built_from()
    {
        using var archive = ZipFile.OpenRead(await ContainerHealthPackage.GetAsync());
        using var nuspecStream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var nuspec = XDocument.Load(nuspecStream);
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");

        var head = (await ProcessRunner.RunAsync("git", ["rev-parse", "HEAD"], RepositoryLayout.Path())).EnsureSuccess().StandardOutput.Trim();
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal("https://github.com/containerhealth/containerhealth", (string?)repository.Attribute("url"));
        Assert.Equal(head, (string?)repository.Attribute("commit"));

        // The checkout's commit and branch differ from build to build, and NuGet derives licenseUrl from the license
        // expression (its address stays out of the repository); everything else is pinned.
        repository.SetAttributeValue("commit", "{commit}");
        repository.SetAttributeValue("branch", null);
        nuspec.Descendants().Single(e => e.Name.LocalName == "licenseUrl").Remove();
        var actual = nuspec.ToString();
        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ContainerHealth.nuspec.snapshot"));
        Assert.True(
            expected.Trim() == actual.Trim(),
            "The nuspec changed. If intended, update tests/Package.Tests/ContainerHealth.nuspec.snapshot to:\n" + actual);
    }

    [Fact]
    public async Task Our_assemblies_embed_their_deterministic_pdb_so_Source_Link_travels_with_them()
    {
        using var archive = ZipFile.OpenRead(await ContainerHealthPackage.GetAsync());
        var ours = archive.Entries.Where(e => e.Name.StartsWith("ContainerHealth.", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
        Assert.Equal(12, ours.Length);

        foreach (var entry in ours)
        {
            using var stream = new MemoryStream();
            using (var dll = entry.Open())
            {
                await dll.CopyToAsync(stream);
            }

            stream.Position = 0;
            using var pe = new PEReader(stream);
            var debug = pe.ReadDebugDirectory().Select(d => d.Type).ToArray();
            Assert.True(debug.Contains(DebugDirectoryEntryType.EmbeddedPortablePdb) && debug.Contains(DebugDirectoryEntryType.Reproducible), $"{entry.FullName}: {string.Join(", ", debug)}");
        }
    }

    [Fact]
    public async Task Tasks_for_SDK_10_are_compiled_ahead_of_time_for_linux_x64_and_the_older_ones_are_IL()
    {
        using var archive = ZipFile.OpenRead(await ContainerHealthPackage.GetAsync());
        var tasks = archive.Entries.Where(e => e.FullName.StartsWith("tasks/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            tasks.Where(e => e.FullName.StartsWith("tasks/net8.0/", StringComparison.Ordinal)).Select(e => e.Name).Order(),
            tasks.Where(e => e.FullName.StartsWith("tasks/net10.0/", StringComparison.Ordinal)).Select(e => e.Name).Order());

        foreach (var entry in tasks)
        {
            using var stream = new MemoryStream();
            using (var dll = entry.Open())
            {
                await dll.CopyToAsync(stream);
            }

            stream.Position = 0;
            using var pe = new PEReader(stream);
            var readyToRun = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
            Assert.True(readyToRun == entry.FullName.StartsWith("tasks/net10.0/", StringComparison.Ordinal), $"{entry.FullName}: ReadyToRun {readyToRun}");
            if (readyToRun)
            {
                // Crossgen marks an image for Linux by XOR-ing the machine with 0x7B79.
                Assert.Equal((int)Machine.Amd64, (int)pe.PEHeaders.CoffHeader.Machine ^ 0x7B79);
            }
        }
    }

    [Fact]
    public async Task Analyzers_for_the_dotnet_CLI_on_linux_x64_are_the_same_assemblies_with_the_analyzers_compiled_ahead_of_time()
    {
        using var archive = ZipFile.OpenRead(await ContainerHealthPackage.GetAsync());
        var il = archive.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) || e.FullName.StartsWith("tools/endpoint-recorder/", StringComparison.Ordinal)).ToArray();
        var readyToRun = archive.Entries.Where(e => e.FullName.StartsWith("tools/analyzers-ready-to-run/linux-x64/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(il.Select(e => e.Name).Order(StringComparer.Ordinal), readyToRun.Select(e => e.Name).Order(StringComparer.Ordinal));

        foreach (var entry in il)
        {
            var compiled = readyToRun.Single(e => e.Name == entry.Name);
            using var ilImage = await PortableExecutable(entry);
            using var compiledImage = await PortableExecutable(compiled);
            var ilMetadata = ilImage.GetMetadataReader();
            var compiledMetadata = compiledImage.GetMetadataReader();
            Assert.Equal(ilMetadata.GetGuid(ilMetadata.GetModuleDefinition().Mvid), compiledMetadata.GetGuid(compiledMetadata.GetModuleDefinition().Mvid));
            Assert.Equal(0, ilImage.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);

            // The code fixes never run in the compiler and stay IL.
            var isReadyToRun = compiledImage.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
            Assert.True(isReadyToRun == (entry.Name != "ContainerHealth.CodeFixes.dll"), $"{compiled.FullName}: ReadyToRun {isReadyToRun}");
        }
    }

    private static async Task<PEReader> PortableExecutable(ZipArchiveEntry entry)
    {
        var stream = new MemoryStream();
        using (var dll = entry.Open())
        {
            await dll.CopyToAsync(stream);
        }

        stream.Position = 0;
        return new PEReader(stream);
    }

    [Fact]
    public async Task Packed_targets_link_their_warnings_to_the_rule_docs_the_tasks_link_to()
    {
        using var archive = ZipFile.OpenRead(await ContainerHealthPackage.GetAsync());
        using var targetsStream = archive.GetEntry("build/ContainerHealth.targets")!.Open();
        var targets = XDocument.Load(targetsStream);
        var linkBase = targets.Descendants().Single(e => e.Name.LocalName == "_ContainerHealthHelpLinkBase").Value;

        Assert.Equal(DiagnosticCodes.HelpLinkBase, linkBase);
        var links = targets.Descendants().Select(e => (string?)e.Attribute("HelpLink")).OfType<string>().ToArray();
        Assert.Equal(["$(_ContainerHealthHelpLinkBase)CH1012.md", "$(_ContainerHealthHelpLinkBase)CH1013.md"], links);
        Assert.All(links, link => Assert.True(File.Exists(RepositoryLayout.Path("docs", "rules", link.Replace("$(_ContainerHealthHelpLinkBase)", ""))), link));
    }

    [Theory]
    [InlineData("linux-x64", 0x3E)]
    [InlineData("linux-arm64", 0xB7)]
    public async Task Package_ships_a_static_probe_built_for_each_rid(string rid, int elfMachine)
    {
        using var archive = ZipFile.OpenRead(await ContainerHealthPackage.GetAsync());
        var entry = archive.GetEntry($"tools/probe/{rid}/healthprobe");
        Assert.NotNull(entry);
        using var stream = new MemoryStream();
        using (var probe = entry.Open())
        {
            await probe.CopyToAsync(stream);
        }

        var elf = ElfHeader.Read(stream.ToArray());
        Assert.Equal(elfMachine, elf.Machine);
        Assert.False(elf.HasInterpreter, $"{rid} probe must be statically linked (no PT_INTERP)");
    }
}
