using System.Net;
using System.Net.Sockets;
using System.Text;
using ContainerHealth.Probe.Tests.Fixtures;

namespace ContainerHealth.Probe.Tests.EndToEnd;

/// <summary>The shipped linux-x64 probe against servers that misbehave on purpose.</summary>
[Trait("Tier", "Engine")]
[Collection(DeadlineCollection.Name)]
public sealed class HostileServerTests
{

    [Fact]
    public async Task Refused_connection_is_unhealthy_and_names_the_address()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{port}/healthz");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"unhealthy: connection refused (127.0.0.1:{port})", run.Line);
    }

    [Fact]
    public async Task Server_that_accepts_and_never_answers_meets_the_deadline()
    {
        await using var server = HostileServer.Start((_, token) => Task.Delay(Timeout.Infinite, token));

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "500ms");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy: no response within 500 ms", run.Line);
        ProbeDeadline.AssertKept(run, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Headers_at_one_byte_per_second_do_not_stretch_the_deadline()
    {
        var sent = 0;
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            var response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
            using var second = new PeriodicTimer(TimeSpan.FromSeconds(1));
            foreach (var b in response)
            {
                await socket.SendAsync(new[] { b }, token);
                Interlocked.Increment(ref sent);
                await second.WaitForNextTickAsync(token);
            }
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "2s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy: no response within 2000 ms", run.Line);
        ProbeDeadline.AssertKept(run, TimeSpan.FromSeconds(2));
        Assert.True(Volatile.Read(ref sent) >= 1, "the server trickled bytes while the probe waited");
    }

    [Fact]
    public async Task Non_http_peer_is_rejected_at_once_and_shown()
    {
        await using var server = HostileServer.Responding("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "20s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"unhealthy: not an HTTP/1.x response from http://127.0.0.1:{server.Port}/healthz: \"SSH-2.0-OpenSSH_9.2p1 Debian-2\"", run.Line);
        ProbeDeadline.AssertEndedBefore(run, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Binary_garbage_is_printed_as_printable_characters_only()
    {
        // A TLS alert record: what a TLS-only port sends to a plain-text client.
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            await socket.SendAsync(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46, 0x1B, (byte)'[', (byte)'2', (byte)'J' }, token);
            await Task.Delay(Timeout.Infinite, token);
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/", "--timeout", "20s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.EndsWith(": \"......F.[2J\"", run.Line);
        Assert.DoesNotContain('\u001b', run.Output);
        ProbeDeadline.AssertEndedBefore(run, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Http_1_0_response_is_understood()
    {
        await using var server = HostileServer.Responding("HTTP/1.0 200 OK\r\nServer: old\r\n\r\nok");

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("healthy: HTTP 200", run.Line);
    }

    [Fact]
    public async Task Interim_103_early_hints_are_skipped_for_the_final_status()
    {
        await using var server = HostileServer.Responding(
            "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 503 Service Unavailable\r\n\r\n");

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("unhealthy: HTTP 503", run.Line);
    }

    [Fact]
    public async Task Endless_headers_after_a_final_status_are_judged_by_that_status()
    {
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n"), token);
            var header = Encoding.ASCII.GetBytes("Set-Cookie: s=" + new string('a', 1000) + "\r\n");
            while (!token.IsCancellationRequested)
            {
                await socket.SendAsync(header, token);
            }
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "20s");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: HTTP 200 from http://127.0.0.1:{server.Port}/healthz in ", run.Line);
        ProbeDeadline.AssertEndedBefore(run, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Endless_interim_headers_are_cut_off_at_16_KiB()
    {
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 103 Early Hints\r\n"), token);
            var header = Encoding.ASCII.GetBytes("Link: </" + new string('a', 1000) + ">\r\n");
            while (!token.IsCancellationRequested)
            {
                await socket.SendAsync(header, token);
            }
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "20s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"unhealthy: response headers exceed 16384 bytes from http://127.0.0.1:{server.Port}/healthz", run.Line);
        ProbeDeadline.AssertEndedBefore(run, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Connection_that_never_completes_is_a_connect_timeout_not_a_missing_response()
    {
        // A listener whose accept queue is full: the kernel drops further SYNs, so a connect neither succeeds nor fails.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var queued = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await queued.ConnectAsync(IPAddress.Loopback, port);

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{port}/healthz", "--timeout", "500ms");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"unhealthy: connect timed out after 500 ms (127.0.0.1:{port})", run.Line);
        ProbeDeadline.AssertKept(run, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Kestrel_http2_only_refusal_split_across_reads_is_still_recognised()
    {
        // Kestrel's exact answer to an HTTP/1.x request on a Protocols=Http2 port, its body arriving in two pieces.
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 56\r\n\r\nAn HTTP/1.x request "), token);
            await Task.Delay(TimeSpan.FromMilliseconds(200), token);
            await socket.SendAsync(Encoding.ASCII.GetBytes("was sent to an HTTP/2 only endpoint."), token);
            socket.Shutdown(SocketShutdown.Send);
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "20s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"unhealthy: HTTP 400 from http://127.0.0.1:{server.Port}/healthz in ", run.Line);
        Assert.Contains("the port speaks HTTP/2 only", run.Line);
    }

    [Fact]
    public async Task Http2_frames_instead_of_a_response_name_the_fix()
    {
        // What a grpc-go server sends first on a cleartext port: its SETTINGS frame (length 0, type 4, flags 0, stream 0).
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            await socket.SendAsync(new byte[] { 0, 0, 0, 4, 0, 0, 0, 0, 0 }, token);
            await Task.Delay(Timeout.Infinite, token);
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "20s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"unhealthy: HTTP/2 frames instead of an HTTP/1.x response from http://127.0.0.1:{server.Port}/healthz: the port speaks HTTP/2 only", run.Line);
        ProbeDeadline.AssertEndedBefore(run, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Body_is_never_read()
    {
        // An endless body: a probe that read it would never finish.
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"), token);
            var chunk = Encoding.ASCII.GetBytes("400\r\n" + new string('x', 1024) + "\r\n");
            while (!token.IsCancellationRequested)
            {
                await socket.SendAsync(chunk, token);
            }
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "20s");

        Assert.True(run.ExitCode == 0, run.ToString());
        ProbeDeadline.AssertEndedBefore(run, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Reset_in_the_middle_of_the_status_line_is_unhealthy()
    {
        await using var server = HostileServer.Start(async (socket, token) =>
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 20"), token);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "20s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("connection reset by the server", run.Line);
        ProbeDeadline.AssertEndedBefore(run, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Close_before_the_status_line_is_unhealthy()
    {
        await using var server = HostileServer.Start((socket, _) =>
        {
            socket.Shutdown(SocketShutdown.Both);
            return Task.CompletedTask;
        });

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/healthz", "--timeout", "20s");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"unhealthy: connection closed by the server before any response from http://127.0.0.1:{server.Port}/healthz", run.Line);
    }

    [Fact]
    public async Task Request_is_one_http_1_1_get_that_closes_the_connection()
    {
        await using var server = HostileServer.Responding("HTTP/1.1 204 No Content\r\n\r\n");

        var run = await ProbeRun.X64Async($"http://127.0.0.1:{server.Port}/ready?full=1", "--header", "X-Trace: abc");

        Assert.True(run.ExitCode == 0, run.ToString());
        var request = await server.FirstRequest;
        var lines = request.Split("\r\n");
        Assert.Equal("GET /ready?full=1 HTTP/1.1", lines[0]);
        Assert.Contains($"Host: 127.0.0.1:{server.Port}", lines);
        Assert.Contains("Connection: close", lines);
        Assert.Contains("X-Trace: abc", lines);
        Assert.EndsWith("\r\n\r\n", request);
    }
}
