using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer>;

namespace ContainerHealth.Analyzers.Tests.HealthEndpoint;

/// <summary>
/// A route wrapper (an extension method that takes the pattern as a parameter, as the Clean Architecture template's
/// <c>MapGet(this IEndpointRouteBuilder b, Delegate h, string pattern = "")</c>) maps what each call passes, and
/// nothing when nobody calls it: it no longer turns the whole app unknown.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class RouteWrapperTests
{
    private const string Wrapper = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;

        public static class EndpointRouteBuilderExtensions
        {
            public static RouteHandlerBuilder MapGet(this IEndpointRouteBuilder builder, System.Delegate handler, string pattern = "")
            {
                return builder.MapGet(pattern, handler);
            }
        }

        """;

    [Fact]
    public async Task An_uncalled_wrapper_maps_nothing_so_the_missing_endpoint_is_CH0001()
    {
        await VerifyCS.VerifyAnalyzerAsync(Wrapper + """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = {|#0:builder.Build()|};
                    app.MapGet("/", () => "Hello");
                    app.Run();
                }
            }
            """,
            VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
    }

    [Fact]
    public async Task A_call_with_the_probed_path_maps_it()
    {
        await VerifyCS.VerifyAnalyzerAsync(Wrapper + """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    app.MapGroup("/").MapGet(() => "ok", "/healthz");
                    app.Run();
                }
            }
            """);
    }

    [Fact]
    public async Task A_call_with_the_default_pattern_maps_the_group_prefix()
    {
        await VerifyCS.VerifyAnalyzerAsync(Wrapper + """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    app.MapGroup("/healthz").MapGet(() => "ok");
                    app.Run();
                }
            }
            """);
    }

    [Fact]
    public async Task A_call_elsewhere_leaves_the_probed_path_unmapped()
    {
        await VerifyCS.VerifyAnalyzerAsync(Wrapper + """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = {|#0:builder.Build()|};
                    app.MapGroup("/api/todos").MapGet(() => "[]");
                    app.MapGroup("/api/users").MapGet(() => "[]", "{id}");
                    app.Run();
                }
            }
            """,
            VerifyCS.Diagnostic("CH0001").WithLocation(0).WithArguments("/healthz", "builder.Services.AddHealthChecks()", "app"));
    }

    [Fact]
    public async Task A_call_with_a_pattern_read_at_run_time_stays_unknown()
    {
        await VerifyCS.VerifyAnalyzerAsync(Wrapper + """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    app.MapGet(() => "ok", args[0]);
                    app.Run();
                }
            }
            """);
    }
}
