using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Tests.Verifiers;

/// <summary>A compiled library shaped like .NET Aspire's ServiceDefaults: it registers and maps health checks out of our sight.</summary>
public static class ServiceDefaultsLibrary
{
    private static readonly Lazy<MetadataReference> Compiled = new(Compile);

    public static MetadataReference Reference => Compiled.Value;

    private static MetadataReference Compile()
    {
        const string Source = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class ServiceDefaults
            {
                public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
                {
                    builder.Services.AddHealthChecks();
                    return builder;
                }

                public static WebApplication MapDefaultEndpoints(this WebApplication app)
                {
                    app.MapHealthChecks("/health");
                    return app;
                }
            }
            """;
        return ReferencedProject.Compile("ServiceDefaults", Source).Reference!;
    }
}
