using Microsoft.Extensions.DependencyInjection;

namespace Platform;

public static class PlatformServices
{
    public static IServiceCollection AddPlatformServices(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }
}
