namespace ContainerHealth.Inspection.Sources;

/// <summary>The data of one tar entry, keeping the reader and file it comes from open until it is disposed.</summary>
internal sealed class TarEntryStream(Stream data, IDisposable reader, IDisposable file) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position { get => data.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => data.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => data.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => data.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        data.ReadAsync(buffer, offset, count, cancellationToken);

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
            reader.Dispose();
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
