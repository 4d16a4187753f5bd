using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer>;

namespace ContainerHealth.Analyzers.Tests.HostFiltering;

/// <summary>CH0011: AllowedHosts set in code must accept the probe's Host header (localhost:PORT, or the pinned one).</summary>
[Trait("Tier", "Unit")]
public sealed class HostFilteringRuleTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.HostFiltering;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    [Theory]
    [InlineData("options.AllowedHosts = {|#0:new List<string> { \"api.contoso.com\" }|}", "'api.contoso.com'")]
    [InlineData("{|#0:options.AllowedHosts = [\"api.contoso.com\", \"*.contoso.net\"]|}", "'api.contoso.com', '*.contoso.net'")]
    [InlineData("{|#0:options.AllowedHosts.Add(\"api.contoso.com\")|}", "'api.contoso.com'")]
    public async Task Hosts_that_exclude_localhost_are_CH0011(string configure, string hosts)
    {
        var test = Test(configure.Replace("options.AllowedHosts = {|#0:", "{|#0:options.AllowedHosts = "));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0011").WithLocation(0).WithArguments(hosts, "localhost:8080"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("options.AllowedHosts = [\"api.contoso.com\", \"localhost\"]")]
    [InlineData("options.AllowedHosts = [\"*\"]")]
    [InlineData("options.AllowedHosts = [System.Environment.GetEnvironmentVariable(\"HOST\")!]")]
    public async Task Hosts_that_let_the_probe_through_or_are_read_at_run_time_are_no_warning(string configure)
    {
        await Test(configure).RunAsync();
    }

    [Fact]
    public async Task The_pinned_host_header_is_the_one_judged()
    {
        var test = Test("options.AllowedHosts = [\"api.contoso.com\"]");
        test.Properties["_ContainerHealthDecidedHostHeader"] = "api.contoso.com";
        await test.RunAsync();
    }

    private static VerifyCS.Test Test(string configure) =>
        new()
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                builder.Services.Configure<HostFilteringOptions>(options => CONFIGURE);
                var app = builder.Build();
                app.MapHealthChecks("/healthz");
                app.Run();
                """.Replace("CONFIGURE", configure),
            Rules = new HashSet<string> { "CH0011" },
        };
}
