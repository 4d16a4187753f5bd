using System.Formats.Tar;
using System.IO.Compression;

namespace ContainerHealth.TestBed.Containers;

/// <summary>
/// Which tarball <c>ContainerArchiveOutputPath</c> made: an OCI layout tar when the base image is OCI, a <c>docker load</c>
/// tar when it is Docker v2 (the SDK names both .tar.gz; either may be gzipped).
/// </summary>
public static class ArchiveFormat
{
    public static bool IsOci(string archive)
    {
        using var file = File.OpenRead(archive);
        Span<byte> magic = stackalloc byte[2];
        var gzipped = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        using var tar = new TarReader(gzipped ? new GZipStream(file, CompressionMode.Decompress) : file);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name is "index.json" or "oci-layout")
            {
                return true;
            }

            if (entry.Name == "manifest.json")
            {
                return false;
            }
        }

        throw new InvalidDataException($"{archive} is neither an OCI layout nor a docker-archive tarball");
    }
}
