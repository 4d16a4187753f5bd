namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// Decodes the header blocks of one HTTP/2 connection (RFC 7541): indexed fields, literals with and without indexing,
/// Huffman strings and dynamic table size updates. The table persists across blocks, so every block the server sends
/// must pass through here in order.
/// </summary>
/// <param name="maxTableSize">SETTINGS_HEADER_TABLE_SIZE as the probe announced it.</param>
internal sealed class HpackDecoder(int maxTableSize = HpackDecoder.DefaultMaxTableSize)
{
    /// <summary>The protocol default, which the probe keeps: no table size update may ask for more.</summary>
    public const int DefaultMaxTableSize = 4096;

    /// <summary>The most a block may decode to (the RFC 9113 list size: names, values, 32 per field).</summary>
    public const int MaxHeaderListSize = 16384;

    private readonly HpackDynamicTable table = new(maxTableSize);

    public HpackDynamicTable Table => table;

    public List<HeaderField> Decode(ReadOnlySpan<byte> block)
    {
        var fields = new List<HeaderField>();
        var listSize = 0;
        var position = 0;
        while (position < block.Length)
        {
            var first = block[position];
            HeaderField field;
            if ((first & 0x80) != 0)
            {
                field = Lookup(ReadInteger(block, ref position, 7));
            }
            else if ((first & 0x40) != 0)
            {
                field = ReadLiteral(block, ref position, 6);
                table.Add(field);
            }
            else if ((first & 0x20) != 0)
            {
                // Size updates belong at the start of a block (RFC 7541 §4.2).
                if (fields.Count > 0)
                {
                    throw Malformed("table size update after a header field");
                }

                var size = ReadInteger(block, ref position, 5);
                if (size > maxTableSize)
                {
                    throw Malformed($"table size update to {size} bytes, over the {maxTableSize} the probe allows");
                }

                table.Resize(size);
                continue;
            }
            else
            {
                // Literal without indexing (0000) or never indexed (0001): the same to a decoder.
                field = ReadLiteral(block, ref position, 4);
            }

            listSize += field.HpackSize;
            if (listSize > MaxHeaderListSize)
            {
                throw new Http2Failure($"response headers over {MaxHeaderListSize / 1024} KiB");
            }

            fields.Add(field);
        }

        return fields;
    }

    private HeaderField Lookup(int index)
    {
        if (index >= 1 && index <= HpackStaticTable.Count)
        {
            return HpackStaticTable.Get(index);
        }

        var dynamicIndex = index - HpackStaticTable.Count - 1;
        if (index == 0 || dynamicIndex >= table.Count)
        {
            throw Malformed($"index {index} is in neither table");
        }

        return table[dynamicIndex];
    }

    private HeaderField ReadLiteral(ReadOnlySpan<byte> block, ref int position, int prefixBits)
    {
        var nameIndex = ReadInteger(block, ref position, prefixBits);
        var name = nameIndex == 0 ? ReadString(block, ref position) : Lookup(nameIndex).Name;
        return new HeaderField(name, ReadString(block, ref position));
    }

    private static string ReadString(ReadOnlySpan<byte> block, ref int position)
    {
        if (position >= block.Length)
        {
            throw Malformed("truncated string");
        }

        var huffman = (block[position] & 0x80) != 0;
        var length = ReadInteger(block, ref position, 7);
        if (length > block.Length - position)
        {
            throw Malformed("string longer than the block");
        }

        var octets = block.Slice(position, length);
        position += length;
        if (huffman)
        {
            return HpackHuffman.Decode(octets);
        }

        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = (char)octets[i];
        }

        return new string(text);
    }

    /// <summary>An N-bit prefix integer (RFC 7541 §5.1), refused past 2^28 so it cannot overflow.</summary>
    private static int ReadInteger(ReadOnlySpan<byte> block, ref int position, int prefixBits)
    {
        var prefixMax = (1 << prefixBits) - 1;
        var value = block[position++] & prefixMax;
        if (value < prefixMax)
        {
            return value;
        }

        for (var shift = 0; shift <= 21; shift += 7)
        {
            if (position >= block.Length)
            {
                throw Malformed("truncated integer");
            }

            var octet = block[position++];
            value += (octet & 0x7F) << shift;
            if ((octet & 0x80) == 0)
            {
                return value;
            }
        }

        throw Malformed("integer too large");
    }

    private static Http2Failure Malformed(string detail) => new($"malformed HPACK header block ({detail})");
}
