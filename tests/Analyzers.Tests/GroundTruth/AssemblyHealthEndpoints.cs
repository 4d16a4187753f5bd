using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ContainerHealth.Analyzers.Tests.GroundTruth;

/// <summary>
/// Reads <c>[assembly: AssemblyMetadata("ContainerHealth.HealthEndpoints", ...)]</c> from a built app, as the build's
/// decision does: from the file's metadata, without loading the app.
/// </summary>
public static class AssemblyHealthEndpoints
{
    /// <summary>The metadata's text; null when the assembly carries none.</summary>
    public static string? Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            var value = attribute.DecodeValue(new StringArguments());
            if (value.FixedArguments is [{ Value: string key }, { Value: var text }] && key == AppHealthEndpoints.MetadataKey)
            {
                return (string?)text;
            }
        }

        return null;
    }

    /// <summary>AssemblyMetadataAttribute takes two strings: the only argument type this needs to decode.</summary>
    private sealed class StringArguments : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
