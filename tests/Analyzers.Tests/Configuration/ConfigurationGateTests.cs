using ContainerHealth.Analyzers.Configuration;
using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer,
    ContainerHealth.CodeFixes.HealthEndpoint.DevelopmentOnlyEndpointFixer>;

namespace ContainerHealth.Analyzers.Tests.Configuration;

/// <summary>CH0010: a mapping gated by GetValue&lt;bool&gt; is judged by the appsettings files the container reads.</summary>
[Trait("Tier", "Unit")]
public sealed class ConfigurationGateTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();

        if (app.Configuration.GetValue<bool>("Features:Health"))
        {
            {|#0:app.MapHealthChecks("/healthz")|};
        }

        app.Run();
        """;

    private const string Fixed = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();

        app.MapHealthChecks("/healthz");

        app.Run();
        """;

    [Fact]
    public async Task A_key_set_nowhere_is_off_in_Production_unless_the_environment_sets_it_and_the_fix_maps_it_unconditionally()
    {
        var test = Test("""{ "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*" }""", null);
        test.FixedCode = Fixed;
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0010").WithLocation(0).WithArguments("/healthz", "Features:Health", ConfigurationGate.UnsetReason));
        await test.RunAsync();
    }

    [Fact]
    public async Task Production_settings_override_the_base_file()
    {
        var test = Test("""{ "Features": { "Health": true } }""", """{ "features": { "health": "false" } }""");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0010").WithLocation(0).WithArguments("/healthz", "Features:Health", "the appsettings files set it to 'false'"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("""{ "Features": { "Health": true } }""", null)]
    [InlineData("""{ /* on everywhere */ "Features": { "Health": "True", }, }""", null)]
    [InlineData("""{ "Features": { "Health": false } }""", """{ "Features": { "Health": true } }""")]
    public async Task A_key_the_files_turn_on_is_no_warning(string settings, string? production)
    {
        await Test(settings, production).RunAsync();
    }

    [Fact]
    public async Task Without_appsettings_files_the_gate_is_unknown()
    {
        var test = new VerifyCS.Test { TestCode = Program.Replace("{|#0:", "").Replace(")|};", ");") };
        await test.RunAsync();
    }

    [Fact]
    public void The_settings_reader_flattens_keys_as_configuration_does()
    {
        var values = AppSettingsJson.Parse("""
            { "A": [ { "B": "x" }, 1, null ], // a comment
              "c": "\u0041\"", }
            """);

        Assert.NotNull(values);
        Assert.Equal("x", values["a:0:b"]);
        Assert.Equal("1", values["A:1"]);
        Assert.Null(values["A:2"]);
        Assert.Equal("A\"", values["C"]);
        Assert.Null(AppSettingsJson.Parse("{ \"unterminated\": "));
    }

    private static VerifyCS.Test Test(string settings, string? production)
    {
        var test = new VerifyCS.Test { TestCode = Program };
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", settings));
        if (production is not null)
        {
            test.TestState.AdditionalFiles.Add(("/app/appsettings.Production.json", production));
        }

        return test;
    }
}
