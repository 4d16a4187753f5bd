using System.Text;

namespace ContainerHealth.Images.Archives;

/// <summary>What a rewrite changes in an archive: the small entries it read, the entries it drops and the ones it adds.</summary>
internal sealed class ArchiveRewritePlan(ArchiveContents contents)
{
    public ArchiveContents Contents { get; } = contents;

    public Dictionary<string, byte[]> Added { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Removed { get; } = new(StringComparer.Ordinal);

    public List<BlobDescriptor> TopLevelManifests { get; } = [];

    public List<HealthCheckImage> Images { get; } = [];

    public int RewrittenConfigs { get; set; }

    public bool Changes(string name) => Removed.Contains(name) || Added.ContainsKey(name);

    public byte[] Original(string name) =>
        Contents.Small.TryGetValue(name, out var bytes) ? bytes : throw new InvalidDataException($"the archive has no {name}");

    public void Add(string name, byte[] bytes)
    {
        Added[name] = bytes;
        Removed.Remove(name);
    }

    public void Remove(string name)
    {
        if (!Added.ContainsKey(name))
        {
            Removed.Add(name);
        }
    }

    public void Replace(string name, string json) => Add(name, Encoding.UTF8.GetBytes(json));
}
