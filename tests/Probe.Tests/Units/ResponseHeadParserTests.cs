using System.Text;
using ContainerHealth.Probe.Http;

namespace ContainerHealth.Probe.Tests.Units;

[Trait("Tier", "Unit")]
public sealed class ResponseHeadParserTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", 200)]
    [InlineData("HTTP/1.0 204 No Content\r\nServer: x\r\n\r\n", 204)]
    [InlineData("HTTP/1.1 503\r\n\r\n", 503)]
    [InlineData("HTTP/1.1 302 \r\nLocation: /\r\n\r\n", 302)]
    [InlineData("HTTP/1.1 200 OK\nA: b\n\n", 200)]
    [InlineData("HTTP/1.1 200 OK\r\nA: b\r\n folded\r\n\r\n", 200)]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n\r\n", 404)]
    [InlineData("HTTP/1.1 200 \u00e9t\u00e9\r\n\r\n", 200)]
    public void Complete_heads_give_the_final_status(string head, int status)
    {
        var parser = new ResponseHeadParser();

        Assert.Equal(ResponseHeadState.Complete, parser.Feed(Encoding.Latin1.GetBytes(head)));
        Assert.Equal(status, parser.StatusCode);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH\r\n")]
    [InlineData("HTTP/2 200\r\n\r\n")]
    [InlineData("\u0016\u0003\u0001")]
    [InlineData("http/1.1 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n")]
    [InlineData("<html>")]
    public void Non_http_is_rejected(string bytes)
    {
        var parser = new ResponseHeadParser();

        Assert.Equal(ResponseHeadState.NotHttp, parser.Feed(Encoding.Latin1.GetBytes(bytes)));
    }

    [Theory]
    [InlineData("HTTP/1.1 20\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\n: empty name\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n")]
    public void Broken_lines_are_malformed(string head)
    {
        var parser = new ResponseHeadParser();

        Assert.Equal(ResponseHeadState.Malformed, parser.Feed(Encoding.ASCII.GetBytes(head)));
    }

    [Fact]
    public void Non_http_is_rejected_from_the_first_wrong_byte()
    {
        var parser = new ResponseHeadParser();

        Assert.Equal(ResponseHeadState.Incomplete, parser.Feed("HTTP/1."u8));
        Assert.Equal(ResponseHeadState.NotHttp, parser.Feed("x"u8));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(503)]
    public void Final_status_whose_headers_overflow_16_KiB_is_judged_without_them(int status)
    {
        var parser = new ResponseHeadParser();
        var head = $"HTTP/1.1 {status} X\r\n" + string.Concat(Enumerable.Repeat("Set-Cookie: s=" + new string('a', 1000) + "\r\n", 40));

        Assert.Equal(ResponseHeadState.Complete, parser.Feed(Encoding.ASCII.GetBytes(head)));
        Assert.Equal(status, parser.StatusCode);
        Assert.Equal(ResponseHeadParser.MaxHeadBytes, parser.ReceivedCount);
    }

    [Fact]
    public void Interim_head_larger_than_16_KiB_is_too_large()
    {
        var parser = new ResponseHeadParser();
        var head = "HTTP/1.1 103 Early Hints\r\n" + string.Concat(Enumerable.Repeat("Link: </" + new string('a', 100) + ">\r\n", 200));

        Assert.Equal(ResponseHeadState.TooLarge, parser.Feed(Encoding.ASCII.GetBytes(head)));
    }

    [Fact]
    public void Malformed_header_line_within_the_buffer_is_still_caught()
    {
        var parser = new ResponseHeadParser();
        var head = "HTTP/1.1 200 OK\r\nno colon here\r\n" + string.Concat(Enumerable.Repeat("Set-Cookie: s=" + new string('a', 1000) + "\r\n", 40));

        Assert.Equal(ResponseHeadState.Malformed, parser.Feed(Encoding.ASCII.GetBytes(head)));
    }

    [Fact]
    public void Bytes_after_a_complete_head_are_offered_as_the_body_start()
    {
        var parser = new ResponseHeadParser();

        Assert.Equal(ResponseHeadState.Complete, parser.Feed("HTTP/1.1 400 Bad Request\r\nContent-Length: 3\r\n\r\nabc"u8));
        Assert.Equal("abc", Encoding.ASCII.GetString(parser.AfterHead));
    }

    [Fact]
    public void Head_that_ends_exactly_at_16_KiB_is_complete()
    {
        var start = "HTTP/1.1 200 OK\r\nX-Filler: ";
        var filler = new string('a', ResponseHeadParser.MaxHeadBytes - start.Length - 4);
        var parser = new ResponseHeadParser();

        Assert.Equal(ResponseHeadState.Complete, parser.Feed(Encoding.ASCII.GetBytes(start + filler + "\r\n\r\n")));
    }

    [Fact]
    public void Bytes_after_the_head_are_left_alone()
    {
        var parser = new ResponseHeadParser();

        Assert.Equal(ResponseHeadState.Complete, parser.Feed("HTTP/1.1 200 OK\r\n\r\nHTTP/1.1 500 body that looks like a head\r\n\r\n"u8));
        Assert.Equal(200, parser.StatusCode);
    }

    [Fact]
    public void Random_bytes_in_random_splits_never_throw_and_settle_consistently()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = RandomBytes(random, random.Next(0, 300), biasTowardsHttp: i % 2 == 0);
            var whole = new ResponseHeadParser();
            var wholeState = whole.Feed(bytes);

            var split = new ResponseHeadParser();
            var splitState = FeedInRandomSplits(split, bytes, random);

            Assert.Equal(wholeState, splitState);
            Assert.Equal(whole.StatusCode, split.StatusCode);
            if (wholeState == ResponseHeadState.Complete)
            {
                Assert.InRange(whole.StatusCode, 100, 999);
            }
        }
    }

    [Fact]
    public void Random_valid_heads_in_random_splits_parse_to_their_status()
    {
        var random = new Random(4);
        for (var i = 0; i < 2000; i++)
        {
            var (head, status) = RandomValidHead(random);
            var bytes = Encoding.Latin1.GetBytes(head);
            var parser = new ResponseHeadParser();

            Assert.Equal(ResponseHeadState.Incomplete, new ResponseHeadParser().Feed(bytes.AsSpan(0, bytes.Length - 1)));
            Assert.Equal(ResponseHeadState.Complete, FeedInRandomSplits(parser, bytes, random));
            Assert.Equal(status, parser.StatusCode);
        }
    }

    private static ResponseHeadState FeedInRandomSplits(ResponseHeadParser parser, byte[] bytes, Random random)
    {
        var offset = 0;
        var state = ResponseHeadState.Incomplete;
        while (offset < bytes.Length)
        {
            var count = Math.Min(bytes.Length - offset, random.Next(1, 40));
            state = parser.Feed(bytes.AsSpan(offset, count));
            offset += count;
        }

        return state;
    }

    private static (string Head, int Status) RandomValidHead(Random random)
    {
        var eol = random.Next(2) == 0 ? "\r\n" : "\n";
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append("HTTP/1.1 103 Early Hints").Append(eol).Append("Link: </a.css>").Append(eol).Append(eol);
        }

        var status = random.Next(200, 600);
        text.Append("HTTP/1.").Append(random.Next(2)).Append(' ').Append(status);
        if (random.Next(3) > 0)
        {
            text.Append(' ').Append(RandomText(random, random.Next(0, 30), " \t"));
        }

        text.Append(eol);
        for (var h = random.Next(0, 12); h > 0; h--)
        {
            text.Append(RandomText(random, random.Next(1, 20), "-_.!#$%&'*+^`|~")).Append(':');
            text.Append(RandomText(random, random.Next(0, 60), " \t:;,/\"()")).Append(eol);
        }

        return (text.Append(eol).ToString(), status);
    }

    private static string RandomText(Random random, int length, string extra)
    {
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var alphabet = letters + extra;
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static byte[] RandomBytes(Random random, int length, bool biasTowardsHttp)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (biasTowardsHttp)
        {
            // Mostly-valid starts reach the deeper states (headers, interim responses) that pure noise never does.
            var alphabet = "HTTP/1.1 103 200 OK\r\n\r\n: aB\n\t"u8.ToArray();
            for (var i = 0; i < length; i++)
            {
                if (random.Next(8) > 0)
                {
                    bytes[i] = alphabet[random.Next(alphabet.Length)];
                }
            }

            "HTTP/1.1 "u8.ToArray().AsSpan(0, Math.Min(9, length)).CopyTo(bytes);
        }

        return bytes;
    }
}
