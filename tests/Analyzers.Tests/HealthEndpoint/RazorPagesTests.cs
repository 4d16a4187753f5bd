using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

/// <summary>MapRazorPages answers GET at each @page's route, read from the .cshtml files the Razor SDK hands over.</summary>
[Trait("Tier", "Unit")]
public sealed class RazorPagesTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();
        var app = {|#0:builder.Build()|};
        app.MapRazorPages();
        app.Run();
        """;

    [Theory]
    [InlineData("/Privacy")]
    [InlineData("/")]
    [InlineData("/Index")]
    [InlineData("/status")]
    [InlineData("/Orders/42")]
    [InlineData("/Admin/Users")]
    public async Task A_page_answers_at_its_route(string probed)
    {
        await Run(probed);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/Shared/_Layout")]
    [InlineData("/Partial")]
    public async Task No_page_at_the_probed_path_is_CH0001(string probed)
    {
        await Run(probed, VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments(probed, "builder.Services.AddHealthChecks()", "app"));
    }

    private static Task Run(string probed, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = Program };
        test.Properties["ContainerHealthCheckPath"] = probed;
        test.Properties["MSBuildProjectDirectory"] = "/app";
        test.TestState.AdditionalFiles.Add(("/app/Pages/Index.cshtml", "@page\n@model IndexModel\n<h1>Welcome</h1>\n"));
        test.TestState.AdditionalFiles.Add(("/app/Pages/Privacy.cshtml", "\n@page\n<h1>Privacy</h1>\n"));
        test.TestState.AdditionalFiles.Add(("/app/Pages/Status.cshtml", "@page \"/status\"\n<p>ok</p>\n"));
        test.TestState.AdditionalFiles.Add(("/app/Pages/Orders/Details.cshtml", "@page \"{id:int}\"\n"));
        test.TestState.AdditionalFiles.Add(("/app/Pages/Orders/Index.cshtml", "@page \"{id:int}\"\n"));
        test.TestState.AdditionalFiles.Add(("/app/Areas/Admin/Pages/Users.cshtml", "@page\n"));
        test.TestState.AdditionalFiles.Add(("/app/Pages/Shared/_Layout.cshtml", "<html>@RenderBody()</html>\n"));
        test.TestState.AdditionalFiles.Add(("/app/Pages/Partial.cshtml", "@model string\n<p>@Model</p>\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
