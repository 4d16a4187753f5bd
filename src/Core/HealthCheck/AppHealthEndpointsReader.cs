using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ContainerHealth.HealthCheck;

/// <summary>
/// Reads the <c>[assembly: AssemblyMetadata("ContainerHealth.HealthEndpoints", ...)]</c> the analyzers compile into the
/// app (<see cref="AppHealthEndpoints"/>) from the built assembly's metadata tables: no assembly is loaded.
/// </summary>
internal static class AppHealthEndpointsReader
{
    /// <summary>What the assembly says, or null when it carries no readable record (no analyzer ran, or no assembly).</summary>
    public static AppHealthEndpoints? Read(string assemblyPath)
    {
        if (assemblyPath.Length == 0 || !File.Exists(assemblyPath))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (IsAssemblyMetadataAttribute(reader, attribute)
                    && ReadPair(reader, attribute) is (AppHealthEndpoints.MetadataKey, var value)
                    && AppHealthEndpoints.TryParse(value, out var endpoints))
                {
                    return endpoints;
                }
            }
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or InvalidOperationException)
        {
            // Not an assembly we can read: the same as no record, which the decision reports as unconfirmed.
        }

        return null;
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader reader, CustomAttribute attribute)
    {
        var type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default(EntityHandle),
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => Is(reader, reader.GetTypeReference((TypeReferenceHandle)type).Namespace, reader.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Is(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool Is(MetadataReader reader, StringHandle ns, StringHandle name) =>
        reader.StringComparer.Equals(ns, "System.Reflection") && reader.StringComparer.Equals(name, "AssemblyMetadataAttribute");

    /// <summary>The blob of <c>AssemblyMetadataAttribute(string key, string value)</c>: prolog 0x0001, two SerStrings.</summary>
    private static (string? Key, string? Value) ReadPair(MetadataReader reader, CustomAttribute attribute)
    {
        var blob = reader.GetBlobReader(attribute.Value);
        if (blob.Length < 2 || blob.ReadUInt16() != 1)
        {
            return (null, null);
        }

        var key = blob.ReadSerializedString();
        var value = blob.ReadSerializedString();
        return (key, value);
    }
}
