using ContainerHealth.Diagnostics;
using ContainerHealth.Lint;
using static ContainerHealth.Lint.Tests.LintFixture;

namespace ContainerHealth.Lint.Tests;

public class ProjectHealthCheckRulesTests
{
    [Fact]
    public void No_shell_no_probe_and_no_exec_command_is_CH1003()
    {
        var found = ProjectHealthCheckRules.Check(Chiseled, probeEnabled: false, healthCheckCommand: null, "App.csproj", Settings).ToList();

        Assert.Equal(DiagnosticCodes.ImageCannotBeChecked, Assert.Single(found).Code);
        Assert.Equal("App.csproj", found[0].File);
    }

    [Fact]
    public void The_probe_or_an_exec_form_command_makes_the_image_checkable()
    {
        Assert.Empty(ProjectHealthCheckRules.Check(Chiseled, probeEnabled: true, healthCheckCommand: null, "App.csproj", Settings));
        Assert.Empty(ProjectHealthCheckRules.Check(Chiseled, probeEnabled: false, healthCheckCommand: "CMD;/app/mycheck", "App.csproj", Settings));
    }

    [Fact]
    public void A_shell_form_command_without_a_shell_is_CH1001_and_CH1002_and_with_a_shell_is_fine()
    {
        var codes = ProjectHealthCheckRules.Check(Chiseled, true, "CMD-SHELL wget -q http://localhost:8080/healthz", "App.csproj", Settings).Select(d => d.Code);

        Assert.Equal([DiagnosticCodes.ShellMissing, DiagnosticCodes.ProgramMissing], codes);
        Assert.Empty(ProjectHealthCheckRules.Check(Busybox, true, "CMD-SHELL wget -q http://localhost:8080/healthz", "App.csproj", Settings));
    }

    [Fact]
    public void An_exec_form_command_whose_program_is_missing_is_CH1002()
    {
        Assert.Equal(DiagnosticCodes.ProgramMissing, Assert.Single(ProjectHealthCheckRules.Check(Chiseled, true, "CMD;curl;-f;http://localhost:8080/healthz", "App.csproj", Settings)).Code);
        Assert.Empty(ProjectHealthCheckRules.Check(Busybox, true, "CMD;wget;-q;http://localhost:8080/healthz", "App.csproj", Settings));
    }
}
