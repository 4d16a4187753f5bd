namespace ContainerHealth.Probe.Http;

/// <summary>
/// Reads an HTTP/1.x response head (status line and header lines) from bytes as they arrive, in any split, into a
/// fixed 16 KiB buffer (a final status whose headers overflow it is judged without them). It decides as early as the
/// bytes allow (a peer whose first bytes are not "HTTP/1." is rejected at once), skips interim 1xx responses, accepts
/// CRLF or bare LF line ends, and never throws on any input.
/// </summary>
internal sealed class ResponseHeadParser
{
    public const int MaxHeadBytes = 16 * 1024;

    private static ReadOnlySpan<byte> VersionPrefix => "HTTP/1."u8;

    private readonly byte[] buffer = new byte[MaxHeadBytes];
    private int length;
    private int lineStart;
    private bool expectingStatusLine = true;

    public ResponseHeadState State { get; private set; }

    /// <summary>The status of the last status line read; the final one once <see cref="State"/> is Complete.</summary>
    public int StatusCode { get; private set; }

    /// <summary>What is wrong, once <see cref="State"/> is NotHttp, Malformed or TooLarge.</summary>
    public string Problem { get; private set; } = "";

    public int ReceivedCount => length;

    public ReadOnlySpan<byte> Received => buffer.AsSpan(0, length);

    /// <summary>What was received after the head (the start of the body), once <see cref="State"/> is Complete.</summary>
    public ReadOnlySpan<byte> AfterHead => buffer.AsSpan(lineStart, length - lineStart);

    /// <summary>Where the next bytes go (receive straight into it, then call <see cref="Advance"/>).</summary>
    public Span<byte> FreeSpace => buffer.AsSpan(length);

    /// <summary>True once a status line has been read and the headers after it have not ended yet.</summary>
    public bool IsInHeaders => !expectingStatusLine && State == ResponseHeadState.Incomplete;

    public ResponseHeadState Feed(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty && State == ResponseHeadState.Incomplete)
        {
            var count = Math.Min(data.Length, buffer.Length - length);
            data[..count].CopyTo(buffer.AsSpan(length));
            data = data[count..];
            Advance(count);
        }

        return State;
    }

    public ResponseHeadState Advance(int count)
    {
        if (State != ResponseHeadState.Incomplete || count <= 0)
        {
            return State;
        }

        length = Math.Min(buffer.Length, length + count);
        while (State == ResponseHeadState.Incomplete)
        {
            var lineFeed = buffer.AsSpan(lineStart, length - lineStart).IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                break;
            }

            var line = buffer.AsSpan(lineStart, lineFeed);
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            lineStart += lineFeed + 1;
            ReadLine(line);
        }

        if (State == ResponseHeadState.Incomplete)
        {
            if (expectingStatusLine && !IsPlausibleStatusLineStart(buffer.AsSpan(lineStart, length - lineStart)))
            {
                return Fail(ResponseHeadState.NotHttp, "not an HTTP/1.x response");
            }

            if (length == buffer.Length)
            {
                // A final status is all the verdict needs: headers beyond the buffer (20-40 KB of Set-Cookie behind
                // some auth proxies) are left unread, as curl and wget accept them. Only an interim 1xx head, whose
                // end must be found to reach the final status, is too large.
                if (IsInHeaders && StatusCode is not (>= 100 and <= 199))
                {
                    State = ResponseHeadState.Complete;
                    return State;
                }

                return Fail(ResponseHeadState.TooLarge, "response headers exceed " + MaxHeadBytes + " bytes");
            }
        }

        return State;
    }

    private void ReadLine(ReadOnlySpan<byte> line)
    {
        if (expectingStatusLine)
        {
            if (!IsPlausibleStatusLineStart(line))
            {
                Fail(ResponseHeadState.NotHttp, "not an HTTP/1.x response");
            }
            else if (line.Length < 12 || (line.Length > 12 && line[12] != ' '))
            {
                Fail(ResponseHeadState.Malformed, "malformed status line");
            }
            else
            {
                StatusCode = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
                expectingStatusLine = false;
            }
        }
        else if (line.IsEmpty)
        {
            // 1xx (but 101, which we never ask for) are interim: the final response follows on the same connection.
            if (StatusCode is >= 100 and <= 199 and not 101)
            {
                expectingStatusLine = true;
            }
            else
            {
                State = ResponseHeadState.Complete;
            }
        }
        else if (!IsHeaderLine(line))
        {
            Fail(ResponseHeadState.Malformed, "malformed header line");
        }
    }

    /// <summary>Whether these bytes can begin "HTTP/1.d ddd" followed by a space or the line end.</summary>
    private static bool IsPlausibleStatusLineStart(ReadOnlySpan<byte> start)
    {
        for (var i = 0; i < start.Length && i < 13; i++)
        {
            var b = start[i];
            if (b == '\r' && i == start.Length - 1)
            {
                // Possibly the end of a short line: that is for the complete line to judge (as malformed).
                return true;
            }

            var fits = i switch
            {
                < 7 => b == VersionPrefix[i],
                7 or 9 or 10 or 11 => b is >= (byte)'0' and <= (byte)'9',
                8 => b == ' ',
                _ => b is (byte)' ' or (byte)'\r',
            };
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A field line "name: value" with a token name, or an obsolete folded continuation line.</summary>
    private static bool IsHeaderLine(ReadOnlySpan<byte> line)
    {
        if (line[0] is (byte)' ' or (byte)'\t')
        {
            return true;
        }

        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        foreach (var b in line[..colon])
        {
            if (!IsTokenByte(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTokenByte(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&' or (byte)'\'' or (byte)'*' or (byte)'+'
            or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';

    private ResponseHeadState Fail(ResponseHeadState state, string problem)
    {
        State = state;
        Problem = problem;
        return state;
    }
}
