using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

[Trait("Tier", "Unit")]
public sealed class HealthEndpointHostRuleTests
{
    private static Task VerifyAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, Rules = new HashSet<string> { "CH0005" } };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public async Task RequireHost_without_localhost_gets_CH0005()
    {
        await VerifyAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {|#0:app.MapHealthChecks("/healthz").RequireHost("api.contoso.com", "*.contoso.com:443")|};
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0005").WithLocation(0).WithArguments("/healthz", "'api.contoso.com', '*.contoso.com:443'", "8080"));
    }

    [Fact]
    public async Task RequireHost_on_an_enclosing_group_counts()
    {
        await VerifyAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var site = {|#0:app.MapGroup("/").RequireHost("contoso.com")|};
            site.MapGet("/healthz", () => "ok");
            app.Run();
            """,
            VerifyCS.Diagnostic("CH0005").WithLocation(0).WithArguments("/healthz", "'contoso.com'", "8080"));
    }

    [Fact]
    public async Task Host_attribute_on_a_controller_counts()
    {
        await VerifyAsync(Usings + """
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [{|#0:Host("contoso.com")|}]
            public class ProbeController : ControllerBase
            {
                [HttpGet("/healthz")]
                public string Get() => "ok";
            }
            """,
            VerifyCS.Diagnostic("CH0005").WithLocation(0).WithArguments("/healthz", "'contoso.com'", "8080"));
    }

    [Theory]
    [InlineData("app.MapHealthChecks(\"/healthz\").RequireHost(\"contoso.com\", \"localhost\");")]
    [InlineData("app.MapHealthChecks(\"/healthz\").RequireHost(\"*:8080\");")]
    [InlineData("app.MapHealthChecks(\"/healthz\").RequireHost(\"127.0.0.1:8080\");")]
    [InlineData("app.MapHealthChecks(\"/healthz\").RequireHost(\"[::1]\");")]
    [InlineData("app.MapHealthChecks(\"/healthz\").RequireHost(System.Environment.MachineName);")]
    [InlineData("app.MapHealthChecks(\"/ready\").RequireHost(\"contoso.com\");")]
    [InlineData("app.MapGroup(\"/\").RequireHost(\"contoso.com\").MapHealthChecks(\"/healthz\").RequireHost(\"localhost\");")]
    public async Task Near_misses_get_no_CH0005(string mapping)
    {
        await VerifyAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            """ + mapping + """

            app.Run();
            """);
    }
}
