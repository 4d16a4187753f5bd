using ContainerHealth.Probe.Grpc;

namespace ContainerHealth.Probe.Tests.Units;

/// <summary>The HPACK decoder against the examples of RFC 7541 Appendix C, each a sequence on one connection.</summary>
[Trait("Tier", "Unit")]
public sealed class HpackDecoderTests
{
    private const string Date21 = "Mon, 21 Oct 2013 20:13:21 GMT";
    private const string Date22 = "Mon, 21 Oct 2013 20:13:22 GMT";
    private const string Cookie = "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1";

    private static readonly string[] FirstRequest = [":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"];
    private static readonly string[] SecondRequest = [.. FirstRequest, "cache-control: no-cache"];
    private static readonly string[] ThirdRequest = [":method: GET", ":scheme: https", ":path: /index.html", ":authority: www.example.com", "custom-key: custom-value"];

    private static readonly string[] FirstResponse = [":status: 302", "cache-control: private", "date: " + Date21, "location: https://www.example.com"];
    private static readonly string[] SecondResponse = [":status: 307", "cache-control: private", "date: " + Date21, "location: https://www.example.com"];
    private static readonly string[] ThirdResponse =
        [":status: 200", "cache-control: private", "date: " + Date22, "location: https://www.example.com", "content-encoding: gzip", "set-cookie: " + Cookie];

    [Fact]
    public void C3_requests_without_huffman_share_the_dynamic_table()
    {
        var decoder = new HpackDecoder();

        AssertBlock(decoder, "828684410f7777772e6578616d706c652e636f6d", FirstRequest, 57, [":authority: www.example.com"]);
        AssertBlock(decoder, "828684be58086e6f2d6361636865", SecondRequest, 110, ["cache-control: no-cache", ":authority: www.example.com"]);
        AssertBlock(decoder, "828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565", ThirdRequest, 164,
            ["custom-key: custom-value", "cache-control: no-cache", ":authority: www.example.com"]);
    }

    [Fact]
    public void C4_requests_with_huffman_decode_alike()
    {
        var decoder = new HpackDecoder();

        AssertBlock(decoder, "828684418cf1e3c2e5f23a6ba0ab90f4ff", FirstRequest, 57, [":authority: www.example.com"]);
        AssertBlock(decoder, "828684be5886a8eb10649cbf", SecondRequest, 110, ["cache-control: no-cache", ":authority: www.example.com"]);
        AssertBlock(decoder, "828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf", ThirdRequest, 164,
            ["custom-key: custom-value", "cache-control: no-cache", ":authority: www.example.com"]);
    }

    [Fact]
    public void C5_responses_without_huffman_evict_from_a_256_byte_table()
    {
        var decoder = new HpackDecoder(maxTableSize: 256);

        AssertBlock(decoder,
            "4803333032580770726976617465611d4d6f6e2c203231204f637420323031332032303a31333a323120474d546e1768747470733a2f2f7777772e6578616d706c652e636f6d",
            FirstResponse, 222, ["location: https://www.example.com", "date: " + Date21, "cache-control: private", ":status: 302"]);
        AssertBlock(decoder, "4803333037c1c0bf", SecondResponse, 222,
            [":status: 307", "location: https://www.example.com", "date: " + Date21, "cache-control: private"]);
        AssertBlock(decoder,
            "88c1611d4d6f6e2c203231204f637420323031332032303a31333a323220474d54c05a04677a69707738666f6f3d4153444a4b48514b425a584f5157454f50495541585157454f49553b206d61782d6167653d333630303b2076657273696f6e3d31",
            ThirdResponse, 215, ["set-cookie: " + Cookie, "content-encoding: gzip", "date: " + Date22]);
    }

    [Fact]
    public void C6_responses_with_huffman_evict_alike()
    {
        var decoder = new HpackDecoder(maxTableSize: 256);

        AssertBlock(decoder,
            "488264025885aec3771a4b6196d07abe941054d444a8200595040b8166e082a62d1bff6e919d29ad171863c78f0b97c8e9ae82ae43d3",
            FirstResponse, 222, ["location: https://www.example.com", "date: " + Date21, "cache-control: private", ":status: 302"]);
        AssertBlock(decoder, "4883640effc1c0bf", SecondResponse, 222,
            [":status: 307", "location: https://www.example.com", "date: " + Date21, "cache-control: private"]);
        AssertBlock(decoder,
            "88c16196d07abe941054d444a8200595040b8166e084a62d1bffc05a839bd9ab77ad94e7821dd7f2e6c7b335dfdfcd5b3960d5af27087f3672c1ab270fb5291f9587316065c003ed4ee5b1063d5007",
            ThirdResponse, 215, ["set-cookie: " + Cookie, "content-encoding: gzip", "date: " + Date22]);
    }

    [Fact]
    public void Table_size_update_shrinks_the_table_and_evicts()
    {
        var decoder = new HpackDecoder();
        AssertBlock(decoder, "828684410f7777772e6578616d706c652e636f6d", FirstRequest, 57, [":authority: www.example.com"]);

        // 001 + 5-bit prefix: size 0 empties the table, then 1 + index 2 (:method GET).
        AssertBlock(decoder, "2082", [":method: GET"], 0, []);
    }

    [Theory]
    [InlineData("80", "index 0 is in neither table")]
    [InlineData("be", "index 62 is in neither table")]
    [InlineData("3fe11f", "table size update to 4096")]
    [InlineData("3fe21f", "table size update to 4097 bytes, over the 4096 the probe allows")]
    [InlineData("3f", "truncated integer")]
    [InlineData("82 20", "table size update after a header field")]
    [InlineData("400a637573746f6d", "string longer than the block")]
    [InlineData("ffffffffff0f", "integer too large")]
    [InlineData("048100", "bad Huffman padding")]
    [InlineData("0484ffffffff", "EOS inside a Huffman string")]
    public void Malformed_blocks_are_refused(string hex, string problem)
    {
        var decoder = new HpackDecoder();
        var block = Convert.FromHexString(hex.Replace(" ", ""));

        if (problem.StartsWith("table size update to 4096", StringComparison.Ordinal))
        {
            // The largest allowed update is fine.
            Assert.Empty(decoder.Decode(block));
            return;
        }

        var failure = Assert.Throws<Http2Failure>(() => decoder.Decode(block));
        Assert.Contains(problem, failure.Message);
    }

    [Fact]
    public void Header_list_over_16_KiB_is_refused_even_when_built_from_tiny_references()
    {
        // One 4000-byte entry in the table, then indexed references to it: a small block that expands past the limit.
        var literal = new List<byte> { 0x40, 0x01, (byte)'x', 0x7F };
        var length = 4000 - 0x7F;
        literal.Add((byte)(length & 0x7F | 0x80));
        literal.Add((byte)(length >> 7));
        literal.AddRange(Enumerable.Repeat((byte)'y', 4000));
        literal.AddRange(Enumerable.Repeat((byte)0xBE, 5));

        var failure = Assert.Throws<Http2Failure>(() => new HpackDecoder().Decode(literal.ToArray()));
        Assert.Equal("response headers over 16 KiB", failure.Message);
    }

    private static void AssertBlock(HpackDecoder decoder, string hex, string[] expected, int tableSize, string[] tableEntries)
    {
        var fields = decoder.Decode(Convert.FromHexString(hex));

        Assert.Equal(expected, fields.Select(f => $"{f.Name}: {f.Value}"));
        Assert.Equal(tableSize, decoder.Table.Size);
        Assert.Equal(tableEntries, Enumerable.Range(0, decoder.Table.Count).Select(i => $"{decoder.Table[i].Name}: {decoder.Table[i].Value}"));
    }
}
