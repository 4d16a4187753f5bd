using ContainerHealth.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ContainerHealth.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ContainerHealth.Analyzers.GrpcHealth.GrpcHealthServiceAnalyzer,
    ContainerHealth.CodeFixes.GrpcHealth.GrpcHealthServiceFixer>;
using VerifyHttpRules = ContainerHealth.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    ContainerHealth.Analyzers.HealthEndpoint.HealthEndpointAnalyzer>;

namespace ContainerHealth.Analyzers.Tests.GrpcHealth;

/// <summary>
/// CH0007/CH0008 against the real Grpc.AspNetCore packages. The running-app side (the probe gets UNIMPLEMENTED) is
/// PublishContainer.Tests' GrpcServiceTests under the real engine.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class GrpcHealthServiceRuleTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private static readonly MetadataReference[] Grpc =
    [
        .. new[]
        {
            typeof(Microsoft.Extensions.DependencyInjection.GrpcHealthChecksServiceExtensions),
            typeof(Microsoft.Extensions.DependencyInjection.GrpcServicesExtensions),
            typeof(global::Grpc.Core.ServerCallContext),
            typeof(global::Grpc.Health.V1.Health),
            typeof(Google.Protobuf.IMessage),
        }.Select(type => type.Assembly.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path)),
    ];

    [Fact]
    public async Task Grpc_service_without_the_health_service_is_CH0007_and_the_fix_adds_both_calls()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                var app = builder.Build();
                {|#0:app.MapGrpcService<Greeter>()|};
                app.Run();

                class Greeter { }
                """,
            FixedCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                builder.Services.AddGrpcHealthChecks();
                var app = builder.Build();
                app.MapGrpcService<Greeter>();
                app.MapGrpcHealthChecksService();
                app.Run();

                class Greeter { }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0007").WithLocation(0));
        await RunAsync(test);
    }

    [Fact]
    public async Task Health_service_without_AddGrpcHealthChecks_is_CH0008_and_the_fix_registers_it()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                var app = builder.Build();
                {|#0:app.MapGrpcHealthChecksService()|};
                app.Run();
                """,
            FixedCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                builder.Services.AddGrpcHealthChecks();
                var app = builder.Build();
                app.MapGrpcHealthChecksService();
                app.Run();
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("CH0008").WithLocation(0));
        await RunAsync(test);
    }

    [Theory]
    [InlineData("ContainerHealthCheckProtocol", "http")]
    [InlineData("_ContainerHealthDecidedProtocol", "http")]
    [InlineData("_ContainerHealthDecidedProtocol", "tcp")]
    [InlineData("ContainerHealthCheckCommand", "CMD;/app/mycheck")]
    public async Task Not_checked_over_gRPC_no_gRPC_rule(string property, string value)
    {
        var test = new VerifyCS.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                var app = builder.Build();
                app.MapGrpcService<Greeter>();
                app.Run();

                class Greeter { }
                """,
        };
        test.Properties[property] = value;
        await RunAsync(test);
    }

    [Fact]
    public async Task Checked_over_gRPC_the_HTTP_rules_do_not_apply()
    {
        var test = new VerifyHttpRules.Test
        {
            TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddGrpc();
                builder.Services.AddGrpcHealthChecks();
                var app = builder.Build();
                app.MapGrpcHealthChecksService();
                app.Run();
                """,
        };
        test.TestState.AdditionalReferences.AddRange(Grpc);
        await test.RunAsync();
    }

    private static Task RunAsync(VerifyCS.Test test)
    {
        test.TestState.AdditionalReferences.AddRange(Grpc);
        return test.RunAsync();
    }
}
