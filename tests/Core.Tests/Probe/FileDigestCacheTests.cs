using System.Security.Cryptography;
using ContainerHealth.Probe;

namespace ContainerHealth.Core.Tests.Probe;

/// <summary>The probes' digests, remembered by path, size and modification time across publishes.</summary>
[Trait("Tier", "Unit")]
public sealed class FileDigestCacheTests : IDisposable
{
    private readonly TemporaryDirectory directory = new("ch-digests-");

    [Fact]
    public void A_file_is_hashed_once_and_the_next_publish_reads_its_digest_from_the_cache()
    {
        var probe = directory.File("healthprobe");
        File.WriteAllBytes(probe, [1, 2, 3]);
        var written = File.GetLastWriteTimeUtc(probe);
        var first = FileDigestCache.Load(directory.File("probe.digests"));
        Assert.Equal(Sha256([1, 2, 3]), first.DigestOf(probe));
        first.Save();

        // Same size, same time, other bytes: only a cache answers with the old digest.
        File.WriteAllBytes(probe, [9, 9, 9]);
        File.SetLastWriteTimeUtc(probe, written);

        Assert.Equal(Sha256([1, 2, 3]), FileDigestCache.Load(directory.File("probe.digests")).DigestOf(probe));
    }

    [Fact]
    public void A_file_whose_time_or_size_moved_is_hashed_again()
    {
        var probe = directory.File("healthprobe");
        File.WriteAllBytes(probe, [1, 2, 3]);
        var cache = FileDigestCache.Load(directory.File("probe.digests"));
        cache.DigestOf(probe);
        cache.Save();

        File.WriteAllBytes(probe, [4, 5, 6]);
        File.SetLastWriteTimeUtc(probe, File.GetLastWriteTimeUtc(probe).AddSeconds(1));
        Assert.Equal(Sha256([4, 5, 6]), FileDigestCache.Load(directory.File("probe.digests")).DigestOf(probe));

        var time = File.GetLastWriteTimeUtc(probe);
        File.WriteAllBytes(probe, [7, 8, 9, 10]);
        File.SetLastWriteTimeUtc(probe, time);
        Assert.Equal(Sha256([7, 8, 9, 10]), FileDigestCache.Load(directory.File("probe.digests")).DigestOf(probe));
    }

    [Fact]
    public void A_damaged_cache_file_is_an_empty_cache()
    {
        var probe = directory.File("healthprobe");
        File.WriteAllBytes(probe, [1, 2, 3]);
        File.WriteAllText(directory.File("probe.digests"), "sha256:nonsense\tnot-a-size\t\t" + probe + "\n\0\0garbage");

        Assert.Equal(Sha256([1, 2, 3]), FileDigestCache.Load(directory.File("probe.digests")).DigestOf(probe));
    }

    public void Dispose() => directory.Dispose();

    private static string Sha256(byte[] content) => "sha256:" + Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
}
