using ContainerHealth.TestBed.Publishing;

namespace ContainerHealth.EndToEnd.Tests.TestBed;

[Trait("Tier", "Unit")]
public sealed class BuildDiagnosticTests
{
    [Fact]
    public void Parses_canonical_errors_and_warnings_once_each_and_ignores_messages()
    {
        const string output = """
            /src/App.csproj(12,5): warning CH1001: The base image has no shell. [/src/App.csproj]
            /sdk/Microsoft.NET.Build.Containers.targets(255,5): message : Uploading layer [/src/App.csproj]
            /sdk/Microsoft.NET.Build.Containers.targets(255,5): error CONTAINER1013: Failed to push to the output registry. [/src/App.csproj]
            /src/App.csproj(12,5): warning CH1001: The base image has no shell. [/src/App.csproj]
            MSBUILD : error MSB1009: Project file does not exist.
            """;

        var diagnostics = BuildDiagnostic.Parse(output);

        Assert.Equal(
            [
                new BuildDiagnostic("warning", "CH1001", "The base image has no shell.", "/src/App.csproj", 12, 5),
                new BuildDiagnostic("error", "CONTAINER1013", "Failed to push to the output registry.", "/sdk/Microsoft.NET.Build.Containers.targets", 255, 5),
                new BuildDiagnostic("error", "MSB1009", "Project file does not exist.", "MSBUILD", null, null),
            ],
            diagnostics);
    }
}
