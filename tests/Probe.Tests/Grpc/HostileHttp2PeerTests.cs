using System.Net.Sockets;
using ContainerHealth.Probe.Tests.Fixtures;
using static ContainerHealth.Probe.Tests.Grpc.Http2Peer;

namespace ContainerHealth.Probe.Tests.Grpc;

/// <summary>The shipped probe's grpc:// mode against scripted HTTP/2 peers, hostile or merely unusual.</summary>
[Trait("Tier", "Engine")]
[Collection(DeadlineCollection.Name)]
public sealed class HostileHttp2PeerTests
{

    [Fact]
    public async Task Silent_after_the_preface_meets_the_deadline()
    {
        await using var server = Http2PeerServer.Start((_, token) => Task.Delay(Timeout.Infinite, token));

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "500ms");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy: no response within 500 ms", run.Line);
        ProbeDeadline.AssertKept(run, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Silent_after_its_settings_meets_the_deadline()
    {
        await using var server = Http2PeerServer.Start(async (socket, token) =>
        {
            await socket.SendAsync(ServerSettings(), token);
            await Task.Delay(Timeout.Infinite, token);
        });

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "500ms");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.Equal("unhealthy: no response within 500 ms", run.Line);
        ProbeDeadline.AssertKept(run, TimeSpan.FromMilliseconds(500));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(0)]
    public async Task Endless_continuation_is_cut_off(int fragmentLength)
    {
        var sent = 0;
        await using var server = Http2PeerServer.Start(async (socket, token) =>
        {
            await SendAsync(socket, token, ServerSettings());
            await ReadRequestAsync(socket, token);
            await SendAsync(socket, token, Frame(Headers, 0, 1, Status200));
            var fragment = Frame(Continuation, 0, 1, Enumerable.Repeat((byte)0x88, fragmentLength).ToArray());
            while (!token.IsCancellationRequested)
            {
                await socket.SendAsync(fragment, token);
                Interlocked.Increment(ref sent);
            }
        });

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"unhealthy: header block over 16 KiB or 32 CONTINUATION frames from grpc://127.0.0.1:{server.Port}", run.Line);
        ProbeDeadline.AssertEndedBefore(run, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Huge_dynamic_table_size_update_is_refused()
    {
        await using var server = Http2PeerServer.Start(async (socket, token) =>
        {
            // 001 + 5-bit prefix: a table size update to 268,435,486 bytes.
            await SendAsync(socket, token, ServerSettings());
            await ReadRequestAsync(socket, token);
            await SendAsync(socket, token, Frame(Headers, EndHeaders, 1, 0x3F, 0xFF, 0xFF, 0xFF, 0x7F, 0x88));
            await Task.Delay(Timeout.Infinite, token);
        });

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.Equal(
            $"unhealthy: malformed HPACK header block (table size update to 268435486 bytes, over the 4096 the probe allows) from grpc://127.0.0.1:{server.Port}",
            run.Line);
    }

    [Fact]
    public async Task Huge_header_table_setting_changes_nothing_for_a_probe_that_never_indexes()
    {
        // SETTINGS_HEADER_TABLE_SIZE = 2^32-1 bounds the probe's encoder only; the answer uses the dynamic table and padding.
        await using var server = Http2PeerServer.Start(async (socket, token) =>
        {
            byte[] headers = [.. Status200, .. IndexedLiteral("content-type", "application/grpc")];
            byte[] trailers = [0xBE, .. IndexedLiteral("grpc-status", "0")];
            await SendAsync(socket, token, ServerSettings((0x1, uint.MaxValue), (0x4, 1 << 20)), Frame(WindowUpdate, 0, 0, UInt32(1 << 20)));
            await ReadRequestAsync(socket, token);
            await SendAsync(
                socket,
                token,
                Frame(Headers, 0, 1, headers[..2]),
                Frame(Continuation, EndHeaders, 1, headers[2..]),
                Frame(Data, Padded, 1, [3, .. GrpcMessage(0x08, 0x01), 0, 0, 0]),
                Frame(Headers, EndHeaders | EndStream, 1, trailers));
            await Task.Delay(Timeout.Infinite, token);
        });

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"healthy: SERVING from grpc://127.0.0.1:{server.Port} in ", run.Line);
    }

    [Fact]
    public async Task Ping_before_the_answer_is_acknowledged()
    {
        byte[] opaque = [1, 2, 3, 4, 5, 6, 7, 8];
        await using var server = Http2PeerServer.Start(async (socket, token) =>
        {
            await SendAsync(socket, token, ServerSettings(), Frame(Ping, 0, 0, opaque));
            bool acknowledged = false, requested = false;
            while (!(acknowledged && requested))
            {
                var frame = await ReadFrameAsync(socket, token);
                acknowledged |= frame.Type == Ping && frame.Flags == Ack && frame.Payload.SequenceEqual(opaque);
                requested |= frame.Stream == 1 && (frame.Flags & EndStream) != 0 && frame.Type is Data or Headers;
            }

            await socket.SendAsync(HealthResponse(servingStatus: 1), token);
            await Task.Delay(Timeout.Infinite, token);
        });

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Reset_stream_is_unhealthy_with_its_error_code()
    {
        await using var server = Http2PeerServer.Answering([.. ServerSettings(), .. Frame(RstStream, 0, 1, UInt32(7))]);

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.Equal($"unhealthy: the server reset the request (RST_STREAM REFUSED_STREAM) from grpc://127.0.0.1:{server.Port}", run.Line);
    }

    [Fact]
    public async Task Goaway_before_the_request_is_unhealthy_with_its_error_code()
    {
        await using var server = Http2PeerServer.Answering([.. ServerSettings(), .. Frame(GoAway, 0, 0, [.. UInt32(0), .. UInt32(0xB)])]);

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.Equal(
            $"unhealthy: the server closed the connection before the request (GOAWAY ENHANCE_YOUR_CALM) from grpc://127.0.0.1:{server.Port}",
            run.Line);
    }

    [Fact]
    public async Task Goaway_that_covers_the_request_lets_the_answer_finish()
    {
        await using var server = Http2PeerServer.Answering([.. ServerSettings(), .. Frame(GoAway, 0, 0, [.. UInt32(1), .. UInt32(0)]), .. HealthResponse(servingStatus: 2)]);

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.StartsWith($"unhealthy: NOT_SERVING from grpc://127.0.0.1:{server.Port} in ", run.Line);
    }

    [Fact]
    public async Task Trailers_only_answer_carries_the_status_and_message()
    {
        await using var server = Http2PeerServer.Answering(
        [
            .. ServerSettings(),
            .. Frame(Headers, EndHeaders | EndStream, 1,
                [.. Status200, .. Literal("content-type", "application/grpc"), .. Literal("grpc-status", "14"), .. Literal("grpc-message", "shutting%20down%0A")]),
        ]);

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.Equal("unhealthy: grpc-status 14 (UNAVAILABLE): shutting down.", run.Line);
    }

    [Fact]
    public async Task Oversized_frame_is_refused_before_it_is_read()
    {
        await using var server = Http2PeerServer.Answering([.. ServerSettings(), 0x10, 0x00, 0x00, Data, 0, 0, 0, 0, 1]);

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}", "--timeout", "20s");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.Equal(
            $"unhealthy: HTTP/2 frame of 1048576 bytes, over the 16384 allowed (FRAME_SIZE_ERROR) from grpc://127.0.0.1:{server.Port}",
            run.Line);
    }

    [Fact]
    public async Task Http_1_server_is_named_and_shown()
    {
        await using var server = Http2PeerServer.Start(async (socket, token) =>
        {
            await socket.SendAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), token);
            await Task.Delay(Timeout.Infinite, token);
        });

        var run = await ProbeRun.X64Async($"grpc://127.0.0.1:{server.Port}");

        await AssertGrpcJsAgreesAsync(server.Port, run);

        Assert.Equal(
            $"unhealthy: HTTP/1.x answer: the port does not speak cleartext HTTP/2 (Kestrel: Protocols=Http2) from grpc://127.0.0.1:{server.Port}: \"HTTP/1.1 400 Bad Request\"",
            run.Line);
    }

    /// <summary>
    /// The grpc-js client, given the same peer, reaches the same verdict: a valid peer is valid for a real client too.
    /// Where the probe got an answer, grpc-js gets a generous deadline, so load cannot make it time out; where the probe
    /// got none, a short one, so a silent peer costs 1.5 s, not 10.
    /// </summary>
    private static async Task AssertGrpcJsAgreesAsync(int port, ProbeRun run)
    {
        var truth = await GrpcJsClient.CheckAsync(port, timeoutMilliseconds: run.ExitCode == 0 ? 10_000 : 1500);
        Assert.True(truth.IsServing == (run.ExitCode == 0), $"grpc-js says '{truth.Text}', the probe {run}");
    }
}
