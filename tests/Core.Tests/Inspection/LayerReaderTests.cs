using System.Formats.Tar;
using System.IO.Compression;
using ContainerHealth.Inspection;
using ZstdSharp;

namespace ContainerHealth.Core.Tests.Inspection;

[Trait("Tier", "Unit")]
public class LayerReaderTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("zstd")]
    [InlineData("none")]
    public async Task Reads_headers_of_every_entry_kind_whatever_the_compression(string compression)
    {
        var layer = Compress(Tar(), compression);

        var entries = await LayerReader.ReadAsync(new MemoryStream(layer));

        Assert.Equal(
            ["usr:Directory", "usr/bin/dash:File", "usr/bin/sh:Symlink->dash", "bin/busybox:File", "bin/wget:File->/bin/busybox", "dev/null:Other"],
            entries.Select(e => $"{e.Path}:{e.Kind}{(e.Link is null ? "" : "->" + e.Link)}"));
        Assert.True(entries[1].IsExecutableFile);
    }

    [Fact]
    public async Task A_truncated_gzip_layer_is_invalid_data()
    {
        var layer = Compress(Tar(), "gzip");

        var error = await Record.ExceptionAsync(() => LayerReader.ReadAsync(new MemoryStream(layer[..(layer.Length / 2)])));

        Assert.True(error is InvalidDataException or EndOfStreamException, error?.GetType().Name);
    }

    private static byte[] Tar()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "./usr/") { Mode = (UnixFileMode)0b111_101_101 });
            var dash = new PaxTarEntry(TarEntryType.RegularFile, "./usr/bin/dash") { Mode = (UnixFileMode)0b111_101_101 };
            dash.DataStream = new MemoryStream(new byte[3000]);
            writer.WriteEntry(dash);
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "usr/bin/sh") { LinkName = "dash" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "/bin/busybox") { Mode = (UnixFileMode)0b111_101_101 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "bin/wget") { LinkName = "bin/busybox" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.CharacterDevice, "dev/null"));
        }

        return tar.ToArray();
    }

    private static byte[] Compress(byte[] tar, string compression)
    {
        using var output = new MemoryStream();
        switch (compression)
        {
            case "gzip":
                using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(tar);
                }

                break;
            case "zstd":
                using (var zstd = new CompressionStream(output, leaveOpen: true))
                {
                    zstd.Write(tar);
                }

                break;
            default:
                output.Write(tar);
                break;
        }

        return output.ToArray();
    }
}
