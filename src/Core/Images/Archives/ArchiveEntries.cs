using System.Formats.Tar;

namespace ContainerHealth.Images.Archives;

/// <summary>Entry names as a rewrite compares them, and the entries it adds: regular files as the SDK writes them (pax, rw-r--r--).</summary>
internal static class ArchiveEntries
{
    /// <summary>The entry's name without a leading <c>./</c> (engines write both forms).</summary>
    public static string NameOf(TarEntry entry) => entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;

    public static PaxTarEntry RegularFile(string name, byte[] content, DateTimeOffset modified) => new(TarEntryType.RegularFile, name)
    {
        DataStream = new MemoryStream(content),
        Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        ModificationTime = modified,
    };
}
