using System.Globalization;
using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// One grpc.health.v1.Health/Check call on a connected socket: HTTP/2 with prior knowledge (cleartext), one unary
/// request, and a verdict from the grpc-status (headers or trailers) and the HealthCheckResponse.
/// </summary>
internal static class GrpcHealthCall
{
    public const string Method = "/grpc.health.v1.Health/Check";

    private const int MaxDetailLength = 120;

    /// <summary>Room for the fixed fields of the request header block; the authority comes on top.</summary>
    private const int HeaderBlockCapacity = 256;

    /// <summary>grpc-timeout allows at most 8 digits.</summary>
    private const int MaxTimeoutMilliseconds = 99_999_999;

    public static CheckResult Run(TcpConnection connection, ProbeUrl url, Deadline deadline)
    {
        var service = ServiceOf(url);
        try
        {
            var http2 = new Http2ClientConnection(connection);
            var headerBlock = new byte[HeaderBlockCapacity + url.Authority.Length];
            var length = WriteRequestHeaders(headerBlock, url, deadline);
            http2.SendRequest(headerBlock.AsSpan(0, length), HealthCheckMessages.FramedRequest(service), deadline);
            return Interpret(http2.ReadResponse(deadline), url, service, deadline);
        }
        catch (Http2Failure failure) when (failure.TimedOut)
        {
            return new NoResponse(deadline.Budget);
        }
        catch (Http2Failure failure)
        {
            return new ResponseFailed(url, failure.Message, failure.FirstBytes);
        }
    }

    /// <summary>"" (the server as a whole) or the name after grpc://host:port/.</summary>
    public static string ServiceOf(ProbeUrl url) => url.PathAndQuery.Length == 0 ? "" : url.PathAndQuery[1..];

    public static int WriteRequestHeaders(Span<byte> destination, ProbeUrl url, Deadline deadline)
    {
        var encoder = new HpackRequestEncoder(destination);
        encoder.Indexed(HpackStaticTable.MethodPost);
        encoder.Indexed(HpackStaticTable.SchemeHttp);
        encoder.Literal(HpackStaticTable.Path, Method);
        encoder.Literal(HpackStaticTable.Authority, url.Authority);
        encoder.Literal(HpackStaticTable.ContentType, "application/grpc");
        encoder.Literal("te", "trailers");
        encoder.Literal(HpackStaticTable.UserAgent, "healthprobe");
        // The server may stop work the probe will no longer wait for.
        encoder.Literal("grpc-timeout", Math.Clamp(deadline.RemainingMilliseconds, 1, MaxTimeoutMilliseconds).ToString(CultureInfo.InvariantCulture) + "m");
        return encoder.Length;
    }

    private static CheckResult Interpret(Http2Response response, ProbeUrl url, string service, Deadline deadline)
    {
        var blocks = response.HeaderBlocks;
        var first = 0;
        // Informational (1xx) header blocks come before the real ones and carry nothing for gRPC.
        while (first < blocks.Count && HeaderField.Find(blocks[first], ":status") is [ '1', _, _ ])
        {
            first++;
        }

        if (first == blocks.Count)
        {
            return new ResponseFailed(url, "HTTP/2 response without headers", []);
        }

        var headers = blocks[first];
        var trailers = blocks[^1];
        var statusText = HeaderField.Find(headers, ":status");
        var grpcStatusText = HeaderField.Find(trailers, "grpc-status");
        var httpStatus = ParseDecimal(statusText);
        if (httpStatus < 0)
        {
            return new ResponseFailed(url, "HTTP/2 response without a :status", []);
        }

        if (httpStatus != 200 && grpcStatusText is null)
        {
            var mapped = GrpcStatusNames.FromHttpStatus(httpStatus);
            return new GrpcCallFailed(mapped, Explain(mapped, service, $"HTTP/2 status {httpStatus}", fromHttpStatus: true));
        }

        var grpcStatus = ParseDecimal(grpcStatusText);
        if (grpcStatus < 0)
        {
            var contentType = HeaderField.Find(headers, "content-type") ?? "none";
            return new ResponseFailed(url, $"HTTP/2 status {httpStatus} with content-type {contentType} and no grpc-status: not a gRPC server", []);
        }

        if (grpcStatus != 0)
        {
            return new GrpcCallFailed(grpcStatus, Explain(grpcStatus, service, HeaderField.Find(trailers, "grpc-message"), fromHttpStatus: false));
        }

        var servingStatus = HealthCheckMessages.ServingStatusOf(response.Body);
        return new GrpcServingStatus(url, servingStatus, deadline.Elapsed);
    }

    /// <summary>
    /// Says what the two statuses a health check commonly meets mean; otherwise shows the server's grpc-message. A status
    /// mapped from HTTP keeps the HTTP status beside it, since no gRPC server chose it.
    /// </summary>
    private static string Explain(int grpcStatus, string service, string? message, bool fromHttpStatus)
    {
        var meaning = grpcStatus switch
        {
            GrpcStatusNames.Unimplemented => "the health service is not mapped",
            GrpcStatusNames.NotFound => $"the health service does not know the service '{service}'",
            _ => message is null ? "" : PercentDecodedPrintable(message),
        };

        return fromHttpStatus ? (meaning.Length == 0 ? message! : $"{meaning} ({message})") : meaning;
    }

    /// <summary>grpc-message is percent-encoded UTF-8; the line keeps printable ASCII only, so a peer cannot garble the log.</summary>
    private static string PercentDecodedPrintable(string message)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < message.Length && text.Length < MaxDetailLength; i++)
        {
            var c = message[i];
            if (c == '%' && i + 2 < message.Length && HexValue(message[i + 1]) is >= 0 and var high && HexValue(message[i + 2]) is >= 0 and var low)
            {
                c = (char)(high << 4 | low);
                i += 2;
            }

            text.Append(c is >= ' ' and < (char)0x7F ? c : '.');
        }

        return text.ToString();
    }

    /// <summary>A status code: up to 9 decimal digits, else -1 (number parsing from the BCL would cost the static file more).</summary>
    private static int ParseDecimal(string? text)
    {
        if (text is null || text.Length is 0 or > 9)
        {
            return -1;
        }

        var value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = value * 10 + (c - '0');
        }

        return value;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
