using ContainerHealth.TestBed.Containers;
using ContainerHealth.TestBed.Engine;
using ContainerHealth.TestBed.Images;
using ContainerHealth.TestBed.Publishing;
using Xunit.Abstractions;

namespace ContainerHealth.PublishContainer.Tests.Verify;

/// <summary>
/// Apps that every prediction calls fine and that still stay unhealthy, each published with ContainerHealthVerify=true:
/// the real engine runs the image's check, the build fails with CH1014, and the message names the cause and the fix.
/// </summary>
[Trait("Tier", "Engine")]
[Collection(VerifyContainers.Collection)]
public sealed class VerifyDiagnosisPublishTests(PackagedSample sample, ITestOutputHelper output) : IClassFixture<PackagedSample>
{
    [Fact]
    public async Task Port_pinned_in_code_is_diagnosed_with_the_port_to_set()
    {
        var failure = await PublishFailingAsync(program: p => p.Replace("var app = builder.Build();", "builder.WebHost.UseUrls(\"http://+:5001\");\nvar app = builder.Build();", StringComparison.Ordinal));

        Assert.Contains("the app listens on port 5001", failure.Message);
        Assert.Contains("set ContainerHealthCheckPort=5001", failure.Message);
    }

    [Fact]
    public async Task Host_filtering_is_diagnosed_as_AllowedHosts()
    {
        // Set in code, where the build cannot read it (AllowedHosts in appsettings.json gets a pinned Host header instead).
        var failure = await PublishFailingAsync(program: p => p.Replace(
            "var app = builder.Build();",
            "builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = [\"example.com\"]);\nvar app = builder.Build();",
            StringComparison.Ordinal));

        Assert.Contains("HTTP 400", failure.Message);
        Assert.Contains("add localhost to AllowedHosts", failure.Message);
    }

    [Fact]
    public async Task Endpoint_behind_a_switch_is_diagnosed_as_an_unmapped_path()
    {
        var failure = await PublishFailingAsync(program: p => p.Replace(
            "app.MapGet(\"/healthz\", () => Results.Ok(\"healthy\"));",
            "if (app.Configuration[\"Health:Enabled\"] == \"true\")\n{\n    app.MapGet(\"/healthz\", () => Results.Ok(\"healthy\"));\n}", StringComparison.Ordinal));

        Assert.Contains("HTTP 404 for /healthz", failure.Message);
        Assert.Contains("app.MapHealthChecks(\"/healthz\")", failure.Message);
    }

    [Fact]
    public async Task Endpoint_requiring_authorization_is_diagnosed_as_needing_anonymous_access()
    {
        var failure = await PublishFailingAsync(program: p => p
            .Replace("var app = builder.Build();", "builder.Services.AddAuthentication().AddBearerToken();\nbuilder.Services.AddAuthorization();\nvar app = builder.Build();", StringComparison.Ordinal)
            .Replace("app.MapGet(\"/healthz\", () => Results.Ok(\"healthy\"));", "app.MapGet(\"/healthz\", () => Results.Ok(\"healthy\")).RequireAuthorization();", StringComparison.Ordinal));

        Assert.Contains("HTTP 401", failure.Message);
        Assert.Contains(".AllowAnonymous()", failure.Message);
    }

    [Fact]
    public async Task App_crashing_at_start_is_diagnosed_with_its_exit_code_and_output()
    {
        var failure = await PublishFailingAsync(program: p => p.Replace(
            "var app = builder.Build();", "throw new InvalidOperationException(\"ConnectionStrings:Main is not set\");\n#pragma warning disable CS0162\nvar app = builder.Build();", StringComparison.Ordinal));

        Assert.Contains("exited before its HEALTHCHECK passed", failure.Message);
        Assert.Matches(@"the app exited with exit code \d+", failure.Message);
        Assert.Contains("ConnectionStrings:Main is not set", failure.Output);
    }

    private async Task<(string Message, string Output)> PublishFailingAsync(Func<string, string>? program = null, string? appSettings = null)
    {
        var programFile = Path.Combine(sample.App.Directory, "Program.cs");
        var settingsFile = Path.Combine(sample.App.Directory, "appsettings.json");
        var original = await File.ReadAllTextAsync(programFile);
        var originalSettings = File.Exists(settingsFile) ? await File.ReadAllTextAsync(settingsFile) : null;
        try
        {
            if (program is not null)
            {
                var changed = program(original);
                Assert.NotEqual(original, changed);
                await File.WriteAllTextAsync(programFile, changed);
            }

            if (appSettings is not null)
            {
                await File.WriteAllTextAsync(settingsFile, appSettings);
            }

            var engine = await DockerEngine.SharedAsync();
            var baseImage = await BaseImages.PushAsync(sample.Registry, BaseImageKind.Chiseled);
            var published = await sample.PublishAsync(new ContainerPublishOptions
            {
                BaseImage = baseImage.Reference,
                Registry = sample.Registry,
                Properties = new Dictionary<string, string> { ["ContainerHealthVerify"] = "true" },
                Environment = engine.ClientEnvironment,
            });

            output.WriteLine(published.Build.Output);
            Assert.False(published.Succeeded);
            var error = Assert.Single(published.Errors, e => e.Code == "CH1014");
            Assert.Empty(await VerifyContainers.ListAsync());
            return (error.Message, published.Build.Output);
        }
        finally
        {
            await File.WriteAllTextAsync(programFile, original);
            if (originalSettings is null)
            {
                File.Delete(settingsFile);
            }
            else
            {
                await File.WriteAllTextAsync(settingsFile, originalSettings);
            }
        }
    }
}
