namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// Writes the probe's one request header block. Fields are static-table references or literals without indexing, so
/// the server's decoder table never depends on the probe, whatever SETTINGS_HEADER_TABLE_SIZE it announces; strings
/// go raw (no Huffman): they are short and ASCII.
/// </summary>
internal ref struct HpackRequestEncoder(Span<byte> destination)
{
    private readonly Span<byte> destination = destination;

    public int Length { get; private set; }

    public void Indexed(int staticIndex) => WriteInteger(0x80, 7, staticIndex);

    public void Literal(int staticNameIndex, string value)
    {
        WriteInteger(0x00, 4, staticNameIndex);
        WriteString(value);
    }

    public void Literal(string name, string value)
    {
        destination[Length++] = 0x00;
        WriteString(name);
        WriteString(value);
    }

    private void WriteString(string text)
    {
        WriteInteger(0x00, 7, text.Length);
        foreach (var c in text)
        {
            destination[Length++] = (byte)c;
        }
    }

    private void WriteInteger(byte pattern, int prefixBits, int value)
    {
        var prefixMax = (1 << prefixBits) - 1;
        if (value < prefixMax)
        {
            destination[Length++] = (byte)(pattern | value);
            return;
        }

        destination[Length++] = (byte)(pattern | prefixMax);
        value -= prefixMax;
        while (value >= 0x80)
        {
            destination[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[Length++] = (byte)value;
    }
}
