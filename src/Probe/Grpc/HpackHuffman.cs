namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// Decodes HPACK's Huffman-coded strings (RFC 7541 §5.2, Appendix B). The code is canonical — within one length,
/// codes rise with the symbol — so the code lengths alone define it, and a bit-at-a-time walk needs no tree.
/// </summary>
internal static class HpackHuffman
{
    public const int EndOfString = 256;

    private const int LongestCode = 30;

    /// <summary>The bit length of each symbol's code, symbols 0-255 then EOS (RFC 7541 Appendix B).</summary>
    private static ReadOnlySpan<byte> CodeLengths =>
    [
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
        13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
        15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30,
    ];

    private static CanonicalCode? code;

    /// <summary>Each symbol's code, right-aligned, as the canonical construction assigns it.</summary>
    public static uint CodeOf(int symbol)
    {
        var table = code ??= new CanonicalCode();
        var length = CodeLengths[symbol];
        var rank = 0;
        for (var other = 0; other < symbol; other++)
        {
            rank += CodeLengths[other] == length ? 1 : 0;
        }

        return (uint)(table.FirstCode[length] + rank);
    }

    public static int LengthOf(int symbol) => CodeLengths[symbol];

    public static string Decode(ReadOnlySpan<byte> encoded)
    {
        var table = code ??= new CanonicalCode();
        // The shortest code is 5 bits, so the output is at most 8/5 of the input.
        var output = new char[encoded.Length * 8 / 5];
        var count = 0;
        var bits = 0;
        var length = 0;
        foreach (var octet in encoded)
        {
            for (var shift = 7; shift >= 0; shift--)
            {
                bits = bits << 1 | (octet >> shift & 1);
                length++;
                var offset = bits - table.FirstCode[length];
                if (offset >= 0 && offset < table.CountOfLength[length])
                {
                    var symbol = table.Symbols[table.FirstSymbol[length] + offset];
                    if (symbol == EndOfString)
                    {
                        throw new Http2Failure("malformed HPACK header block (EOS inside a Huffman string)");
                    }

                    output[count++] = (char)symbol;
                    bits = 0;
                    length = 0;
                }
                else if (length == LongestCode)
                {
                    throw new Http2Failure("malformed HPACK header block (not a Huffman code)");
                }
            }
        }

        // What is left must be padding: at most 7 bits, all ones, the start of EOS (RFC 7541 §5.2).
        if (length > 7 || bits != (1 << length) - 1)
        {
            throw new Http2Failure("malformed HPACK header block (bad Huffman padding)");
        }

        return new string(output, 0, count);
    }

    /// <summary>The decoding tables derived from the code lengths, built on first use.</summary>
    private sealed class CanonicalCode
    {
        public readonly int[] FirstCode = new int[LongestCode + 1];
        public readonly int[] CountOfLength = new int[LongestCode + 1];
        public readonly int[] FirstSymbol = new int[LongestCode + 1];
        public readonly short[] Symbols = new short[EndOfString + 1];

        public CanonicalCode()
        {
            var lengths = CodeLengths;
            foreach (var length in lengths)
            {
                CountOfLength[length]++;
            }

            var next = 0;
            var symbolsSoFar = 0;
            for (var length = 1; length <= LongestCode; length++)
            {
                next = (next + CountOfLength[length - 1]) << 1;
                FirstCode[length] = next;
                FirstSymbol[length] = symbolsSoFar;
                symbolsSoFar += CountOfLength[length];
            }

            var filled = new int[LongestCode + 1];
            for (var symbol = 0; symbol < lengths.Length; symbol++)
            {
                var length = lengths[symbol];
                Symbols[FirstSymbol[length] + filled[length]++] = (short)symbol;
            }
        }
    }
}
