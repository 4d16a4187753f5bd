using Microsoft.AspNetCore.Builder;

namespace ContainerHealth.Probe.Tests;

/// <summary>
/// <c>dotnet ContainerHealth.Probe.Tests.dll kestrel</c>: a real ASP.NET Core app configured by nothing but its
/// environment, as in a container, so tests can check that the probe picks the port Kestrel itself picked. It prints
/// "listening URL..." once started and stops when its standard input closes. (The test host never calls this.)
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["kestrel"])
        {
            Console.Error.WriteLine("usage: ContainerHealth.Probe.Tests kestrel");
            return 1;
        }

        var app = WebApplication.CreateBuilder().Build();
        app.MapGet("/healthz", () => "Healthy");
        await app.StartAsync();
        Console.WriteLine("listening " + string.Join(' ', app.Urls));
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }
}
