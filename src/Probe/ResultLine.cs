using System.Text;
using ContainerHealth.Probe.Grpc;

namespace ContainerHealth.Probe;

/// <summary>
/// The one short line the probe prints, which Docker keeps in State.Health.Log:
/// "healthy: HTTP 200 from http://localhost:8080/healthz in 2 ms", "unhealthy: connection refused (127.0.0.1:8080)".
/// </summary>
internal static class ResultLine
{
    private const int SnippetLength = 32;

    /// <summary>What to do about a port that speaks HTTP/2 only, which an HTTP/1.1 probe cannot check.</summary>
    public const string Http2OnlyAdvice =
        ": the port speaks HTTP/2 only; let it speak HTTP/1.1 too (Kestrel: Protocols=Http1AndHttp2 on this endpoint), " +
        "or, for a gRPC service, probe it with grpc:// (ContainerHealthCheckProtocol=grpc)";

    // Concatenation, not interpolation: the interpolation handler rents from ArrayPool, whose first return seeds a
    // random generator from /dev/urandom, work the probe would do after its answer (docs/probe.md "Start-up").
    public static string Format(CheckResult result)
    {
        var verdict = result.IsHealthy ? "healthy: " : "unhealthy: ";
        return verdict + result switch
        {
            HttpAnswered answered => "HTTP " + answered.Status + " from " + answered.Url + " in " + Milliseconds(answered.Elapsed) + " ms"
                + (answered.IsHealthy ? "" : " (expected " + answered.Expect.Text + ")")
                + (answered.Http2Only ? Http2OnlyAdvice : ""),
            GrpcServingStatus serving =>
                GrpcStatusNames.ServingStatus(serving.Status) + " from " + serving.Url + " in " + Milliseconds(serving.Elapsed) + " ms",
            GrpcCallFailed failed when failed.Detail.Length > 0 =>
                "grpc-status " + failed.GrpcStatus + " (" + GrpcStatusNames.StatusCode(failed.GrpcStatus) + "): " + failed.Detail,
            GrpcCallFailed failed => "grpc-status " + failed.GrpcStatus + " (" + GrpcStatusNames.StatusCode(failed.GrpcStatus) + ")",
            TcpConnected connected => "connected to " + connected.Endpoint + " in " + Milliseconds(connected.Elapsed) + " ms",
            NoResponse noResponse => "no response within " + Milliseconds(noResponse.Timeout) + " ms",
            ConnectTimedOut timedOut => "connect timed out after " + Milliseconds(timedOut.Timeout) + " ms (" + timedOut.Endpoint + ")",
            ConnectFailed failed => DescribeAttempts(failed.Attempts),
            ResponseFailed failed when failed.Http2Only => failed.Problem + " from " + failed.Url + Http2OnlyAdvice,
            ResponseFailed failed when failed.FirstBytes.Length > 0 =>
                failed.Problem + " from " + failed.Url + ": \"" + Snippet(failed.FirstBytes) + "\"",
            ResponseFailed failed => failed.Problem + " from " + failed.Url,
            NotChecked notChecked => notChecked.Reason,
            _ => result.GetType().Name,
        };
    }

    private static long Milliseconds(TimeSpan duration) => (long)duration.TotalMilliseconds;

    /// <summary>"connection refused (127.0.0.1:8080, [::1]:8080)": addresses that failed alike share one description.</summary>
    private static string DescribeAttempts(IReadOnlyList<ConnectAttempt> attempts)
    {
        var text = new StringBuilder();
        var described = new List<int>();
        foreach (var attempt in attempts)
        {
            var error = attempt.Error;
            if (described.Contains(error))
            {
                continue;
            }

            described.Add(error);
            text.Append(text.Length == 0 ? "" : "; ").Append(SocketErrorText.Describe(error)).Append(" (");
            var first = true;
            foreach (var other in attempts)
            {
                if (other.Error == error)
                {
                    text.Append(first ? "" : ", ").Append(other.Endpoint.ToString());
                    first = false;
                }
            }

            text.Append(')');
        }

        return text.ToString();
    }

    /// <summary>The start of the peer's first line, printable ASCII only, so a binary peer cannot garble the log.</summary>
    private static string Snippet(byte[] bytes)
    {
        var text = new StringBuilder(SnippetLength + 3);
        foreach (var b in bytes)
        {
            if (b is (byte)'\r' or (byte)'\n' || text.Length == SnippetLength)
            {
                break;
            }

            text.Append(b is >= 0x20 and < 0x7F and not (byte)'"' ? (char)b : '.');
        }

        if (text.Length == SnippetLength && bytes.Length > SnippetLength)
        {
            text.Append("...");
        }

        return text.ToString();
    }
}
