using ContainerHealth.Probe.Grpc;
using ContainerHealth.Probe.Http;
using ContainerHealth.Probe.Native;

namespace ContainerHealth.Probe;

/// <summary>
/// One check: resolve, connect to each address in turn until one accepts, then (for http://) send one GET and read
/// the response head only; for grpc://, one gRPC health Check (Grpc/). Every wait draws from the same deadline.
/// </summary>
internal static class HealthCheck
{
    public static CheckResult Run(ProbeOptions options, Deadline deadline)
    {
        var url = options.Url;
        // Only a name needs the watchdog thread: literal addresses and localhost start no thread at all.
        if (!EndpointResolution.TryResolve(url.Host, url.Port, () => Watchdog.Start(deadline), out var endpoints, out var error))
        {
            return deadline.HasExpired ? new NoResponse(deadline.Budget) : new NotChecked(error);
        }

        var attempts = new List<ConnectAttempt>();
        foreach (var endpoint in endpoints)
        {
            var connectError = TcpConnection.Connect(endpoint, deadline, out var connection);
            if (connectError == TcpConnection.TimedOut)
            {
                return new ConnectTimedOut(endpoint, deadline.Budget);
            }

            if (connectError != 0)
            {
                attempts.Add(new ConnectAttempt(endpoint, connectError));
                continue;
            }

            using var open = connection!;
            return url.Scheme switch
            {
                ProbeScheme.Tcp => new TcpConnected(endpoint, deadline.Elapsed),
                ProbeScheme.Grpc => GrpcHealthCall.Run(open, url, deadline),
                _ => Exchange(open, options, deadline),
            };
        }

        return new ConnectFailed(attempts);
    }

    private static CheckResult Exchange(TcpConnection connection, ProbeOptions options, Deadline deadline)
    {
        var url = options.Url;
        var sendError = connection.Send(HttpRequest.Build(url, options.HostHeader, options.Headers), deadline);
        if (sendError == TcpConnection.TimedOut)
        {
            return new NoResponse(deadline.Budget);
        }

        if (sendError != 0)
        {
            return new ResponseFailed(url, SocketErrorText.Describe(sendError) + " while sending the request", []);
        }

        var head = new ResponseHeadParser();
        while (true)
        {
            var receiveError = connection.Receive(head.FreeSpace, deadline, out var count);
            if (receiveError == TcpConnection.TimedOut)
            {
                return new NoResponse(deadline.Budget);
            }

            if (receiveError != 0 || count == 0)
            {
                var what = receiveError == 0 ? "connection closed by the server" : SocketErrorText.Describe(receiveError);
                var when = head.ReceivedCount == 0
                    ? " before any response"
                    : head.IsInHeaders ? " inside the response headers" : " inside the status line";
                return new ResponseFailed(url, what + when, head.Received.ToArray());
            }

            switch (head.Advance(count))
            {
                case ResponseHeadState.Complete:
                    var http2Only = head.StatusCode == Http2OnlyEndpoint.RefusalStatus && Http2OnlyEndpoint.IsRefusal(connection, head.AfterHead, deadline);
                    return new HttpAnswered(url, head.StatusCode, deadline.Elapsed, options.Expect, http2Only);
                case ResponseHeadState.Incomplete:
                    continue;
                case ResponseHeadState.TooLarge:
                    return new ResponseFailed(url, head.Problem, []);
                case ResponseHeadState.NotHttp when Http2OnlyEndpoint.IsFrame(head.Received):
                    return new ResponseFailed(url, "HTTP/2 frames instead of an HTTP/1.x response", [], http2Only: true);
                default:
                    return new ResponseFailed(url, head.Problem, head.Received.ToArray());
            }
        }
    }
}
