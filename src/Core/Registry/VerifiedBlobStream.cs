using System.Security.Cryptography;

namespace ContainerHealth.Registry;

/// <summary>
/// A blob's bytes as they arrive, hashed on the way: reading past the end of a blob whose bytes do not match its digest
/// throws, so a corrupt layer never passes as a real one. An asynchronous read that gets no byte within
/// <paramref name="idleTimeout"/> (when given), or whose connection breaks, throws a <see cref="RegistryException"/> instead of hanging.
/// </summary>
internal sealed class VerifiedBlobStream(Stream inner, string digest, IDisposable owner, TimeSpan? idleTimeout = null) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout ?? Timeout.InfiniteTimeSpan);
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, idle.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException(RegistryFailure.Unreachable, $"blob {digest} stalled: no bytes for {idleTimeout?.TotalSeconds:0.#} s", inner: e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new RegistryException(RegistryFailure.Unreachable, $"blob {digest} broke off while downloading: {e.Message}", inner: e);
        }

        return Account(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner.Dispose();
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0)
        {
            hash.AppendData(bytes);
        }
        else if (!verified)
        {
            verified = true;
            var actual = ContentDigest.Format(hash.GetHashAndReset());
            if (actual != digest)
            {
                throw new RegistryException(RegistryFailure.Protocol, $"blob {digest} is corrupt: its content hashes to {actual}");
            }
        }

        return bytes.Length;
    }
}
