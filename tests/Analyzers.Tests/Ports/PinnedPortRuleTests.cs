using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer>;

namespace ContainerHealth.Analyzers.Tests.Ports;

/// <summary>CH0009: the code pins the address to ports the container does not probe; a port read at run time is unknown.</summary>
[Trait("Tier", "Unit")]
public sealed class PinnedPortRuleTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    [Theory]
    [InlineData("{|#0:builder.WebHost.UseUrls(\"http://+:5000\")|};", "UseUrls", "5000")]
    [InlineData("{|#0:builder.WebHost.UseUrls(\"http://localhost:5000\", \"http://*:5001\")|};", "UseUrls", "5000;5001")]
    [InlineData("builder.WebHost.ConfigureKestrel(options => {|#0:options.ListenAnyIP(5000)|});", "ListenAnyIP", "5000")]
    [InlineData("builder.WebHost.UseKestrel(options => {|#0:options.Listen(System.Net.IPAddress.Any, 80)|});", "Listen", "80")]
    [InlineData("{|#0:app.Urls.Add(\"http://0.0.0.0:5000\")|};", "app.Urls.Add", "5000")]
    [InlineData("{|#0:app.Run(\"http://[::]:5000\")|};", "app.Run", "5000")]
    public async Task A_port_other_than_the_probed_one_is_CH0009(string pin, string source, string ports)
    {
        var test = Test(pin);
        foreach (var port in ports.Split(';'))
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0009").WithLocation(0).WithArguments(source, port, "8080"));
        }

        await test.RunAsync();
    }

    [Theory]
    [InlineData("builder.WebHost.UseUrls(\"http://+:8080\");")]
    [InlineData("builder.WebHost.UseUrls(\"http://+:5000;http://+:8080\");")]
    [InlineData("builder.WebHost.UseUrls(builder.Configuration[\"Urls\"]!);")]
    [InlineData("builder.WebHost.ConfigureKestrel(options => options.ListenAnyIP(int.Parse(builder.Configuration[\"Port\"]!)));")]
    [InlineData("if (builder.Environment.IsDevelopment()) { builder.WebHost.UseUrls(\"http://+:5000\"); }")]
    [InlineData("app.Run(null);")]
    public async Task The_probed_port_a_port_read_at_run_time_or_Development_only_is_no_warning(string pin)
    {
        await Test(pin).RunAsync();
    }

    [Fact]
    public async Task The_decided_port_is_the_one_judged()
    {
        var test = Test("builder.WebHost.UseUrls(\"http://+:5000\");");
        test.Properties["_ContainerHealthDecidedPort"] = "5000";
        await test.RunAsync();
    }

    private static VerifyCS.Test Test(string pin)
    {
        var inBuilder = !pin.Contains("app.", StringComparison.Ordinal);
        var run = pin.Contains("app.Run", StringComparison.Ordinal) ? "" : "app.Run();\n";
        return new VerifyCS.Test
        {
            TestCode = Usings + "var builder = WebApplication.CreateBuilder(args);\n"
                + (inBuilder ? pin + "\n" : "")
                + "builder.Services.AddHealthChecks();\nvar app = builder.Build();\napp.MapHealthChecks(\"/healthz\");\n"
                + (inBuilder ? "" : pin + "\n")
                + run,
            Rules = new HashSet<string> { "CH0009" },
        };
    }
}
