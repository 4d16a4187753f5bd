using System.Reflection;
using System.Reflection.Emit;

namespace ContainerHealth.Core.Tests.HealthCheck;

/// <summary>
/// A real assembly file carrying <c>[assembly: AssemblyMetadata(key, value)]</c>, as the analyzers' generator compiles
/// into the app: written with <see cref="PersistedAssemblyBuilder"/>, so the reader sees what the compiler emits.
/// </summary>
internal static class AppAssemblyWithEndpoints
{
    public static string Write(string directory, params (string Key, string Value)[] metadata)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName("App" + Guid.NewGuid().ToString("N")[..8]), typeof(object).Assembly);
        var constructor = typeof(AssemblyMetadataAttribute).GetConstructor([typeof(string), typeof(string)])!;
        foreach (var (key, value) in metadata)
        {
            builder.SetCustomAttribute(new CustomAttributeBuilder(constructor, [key, value]));
        }

        builder.DefineDynamicModule("App").DefineType("Program").CreateType();
        var path = Path.Combine(directory, builder.GetName().Name + ".dll");
        builder.Save(path);
        return path;
    }
}
