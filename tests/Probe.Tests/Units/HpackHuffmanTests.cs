using System.Reflection;
using System.Text;
using ContainerHealth.Probe.Grpc;

namespace ContainerHealth.Probe.Tests.Units;

/// <summary>
/// The probe's Huffman code against the one .NET's own HTTP/2 client ships (System.Net.Http's internal HPack.Huffman):
/// every symbol's code and length, so no entry of Appendix B can be wrong unnoticed.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class HpackHuffmanTests
{
    private delegate ReadOnlySpan<uint> CodesGetter();

    private delegate ReadOnlySpan<byte> LengthsGetter();

    [Fact]
    public void Every_symbol_has_the_code_of_the_runtime_table()
    {
        var huffman = typeof(HttpClient).Assembly.GetType("System.Net.Http.HPack.Huffman", throwOnError: true)!;
        var codes = Getter<CodesGetter>(huffman, "EncodingTableCodes")().ToArray();
        var lengths = Getter<LengthsGetter>(huffman, "EncodingTableBitLengths")().ToArray();

        Assert.Equal(257, codes.Length);
        for (var symbol = 0; symbol <= HpackHuffman.EndOfString; symbol++)
        {
            Assert.Equal(lengths[symbol], HpackHuffman.LengthOf(symbol));
            // The runtime keeps codes left-aligned in 32 bits.
            Assert.Equal(codes[symbol] >> (32 - lengths[symbol]), HpackHuffman.CodeOf(symbol));
        }
    }

    [Fact]
    public void Every_byte_decodes_from_its_code_with_eos_padding()
    {
        for (var symbol = 0; symbol < 256; symbol++)
        {
            Assert.Equal(((char)symbol).ToString(), HpackHuffman.Decode(Encode([(byte)symbol])));
        }
    }

    [Fact]
    public void Long_mixed_text_round_trips()
    {
        var text = "application/grpc; grpc-status=0 \u00ff\u0000 " + new string('z', 300);
        Assert.Equal(text, HpackHuffman.Decode(Encode(Encoding.Latin1.GetBytes(text))));
    }

    [Fact]
    public void Padding_of_eight_bits_is_refused()
    {
        // '0' is 00000; three bits of padding complete the octet, a whole extra 0xff is too much.
        Assert.Equal("0", HpackHuffman.Decode([0x07]));
        Assert.Throws<Http2Failure>(() => HpackHuffman.Decode([0x07, 0xFF]));
    }

    private static byte[] Encode(byte[] text)
    {
        var bits = new List<bool>();
        foreach (var symbol in text)
        {
            var code = HpackHuffman.CodeOf(symbol);
            var length = HpackHuffman.LengthOf(symbol);
            for (var bit = length - 1; bit >= 0; bit--)
            {
                bits.Add((code >> bit & 1) == 1);
            }
        }

        while (bits.Count % 8 != 0)
        {
            bits.Add(true);
        }

        var bytes = new byte[bits.Count / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            bytes[i / 8] |= (byte)(bits[i] ? 0x80 >> (i % 8) : 0);
        }

        return bytes;
    }

    private static T Getter<T>(Type type, string property) where T : Delegate =>
        (T)Delegate.CreateDelegate(typeof(T), type.GetProperty(property, BindingFlags.Static | BindingFlags.NonPublic)!.GetGetMethod(nonPublic: true)!);
}
