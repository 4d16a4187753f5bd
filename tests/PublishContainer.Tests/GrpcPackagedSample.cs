using System.Xml.Linq;
using ContainerHealth.TestBed;
using ContainerHealth.TestBed.Publishing;
using ContainerHealth.TestBed.Registry;

namespace ContainerHealth.PublishContainer.Tests;

/// <summary>
/// samples/GrpcSample as a user has it: a consumer project of the packed ContainerHealth with the sample's Program.cs and
/// appsettings.json (Kestrel Protocols=Http2, the gRPC health service), and its gRPC health package at the version the
/// repository pins centrally — outside the repository nothing supplies it — and a registry to publish to.
/// </summary>
public sealed class GrpcPackagedSample : IAsyncLifetime
{
    public const string HealthPackage = "Grpc.AspNetCore.HealthChecks";

    private ConsumerProject? app;
    private TestRegistry? registry;

    public static string SourceDirectory => RepositoryLayout.Path("samples", "GrpcSample");

    public ConsumerProject App => app ?? throw new InvalidOperationException("not started");

    public TestRegistry Registry => registry ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        registry = await TestRegistry.StartAsync();
        app = await ConsumerProject.CreateWebAsync();
        foreach (var file in (string[])["Program.cs", "appsettings.json"])
        {
            App.WriteFile(file, await File.ReadAllTextAsync(Path.Combine(SourceDirectory, file)));
        }

        App.AddPackageReference(HealthPackage, CentralVersion(HealthPackage));
    }

    public Task<ContainerPublishResult> PublishAsync(ContainerPublishOptions options) =>
        ContainerPublisher.PublishAsync(App.ProjectFile, options);

    public async Task DisposeAsync()
    {
        app?.Dispose();
        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }

    private static string CentralVersion(string id) =>
        XDocument.Load(RepositoryLayout.Path("Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == id)
            .Attribute("Version")!.Value;
}
