namespace ContainerHealth.Probe.Grpc;

/// <summary>One decoded header or trailer field; names arrive lower-case in HTTP/2.</summary>
internal sealed class HeaderField(string name, string value)
{
    public string Name => name;

    public string Value => value;

    /// <summary>The size HPACK charges for an entry (RFC 7541 §4.1): one byte per character here, plus 32.</summary>
    public int HpackSize => name.Length + value.Length + 32;

    public static string? Find(List<HeaderField> fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Name == name)
            {
                return field.Value;
            }
        }

        return null;
    }
}
