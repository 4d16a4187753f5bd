using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContainerHealth.Registry;

namespace ContainerHealth.Inspection;

/// <summary>
/// Facts per platform-manifest digest (content addressed, so never stale), the merged file tree beside them (loaded only
/// when a check names a program by path), and the last digest seen per image reference and platform (for offline builds).
/// Lives in <c>$XDG_CACHE_HOME/containerhealth</c>, else <c>~/.cache/containerhealth</c>. Writes are atomic renames.
/// </summary>
public sealed class InspectionCache(string directory)
{
    private const string Format = "v1";

    public string Directory { get; } = directory;

    public static string DefaultDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(root, "containerhealth");
    }

    public ImageFacts? TryLoad(string manifestDigest)
    {
        var factsFile = FactsFile(manifestDigest);
        try
        {
            var facts = File.Exists(factsFile) ? JsonSerializer.Deserialize(File.ReadAllBytes(factsFile), CoreJsonContext.Default.ImageFacts) : null;
            if (facts is null || facts.ManifestDigest != manifestDigest)
            {
                return null;
            }

            var treeFile = TreeFile(manifestDigest);
            return facts with { Files = new Lazy<ImageFileSystem?>(() => LoadTree(treeFile)) };
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // A damaged cache entry is a miss; the next inspection rewrites it.
            return null;
        }
    }

    public void Save(ImageFacts facts, ImageFileSystem files)
    {
        var digest = facts.ManifestDigest ?? throw new ArgumentException("only facts read from layers are cached", nameof(facts));
        WriteAtomically(TreeFile(digest), JsonSerializer.SerializeToUtf8Bytes(files.Entries, CoreJsonContext.Default.IEnumerableFileEntry));
        WriteAtomically(FactsFile(digest), JsonSerializer.SerializeToUtf8Bytes(facts, CoreJsonContext.Default.ImageFacts));
    }

    public void RememberReference(ImageReference image, string platform, string manifestDigest) =>
        WriteAtomically(ReferenceFile(image, platform), Encoding.UTF8.GetBytes(manifestDigest));

    public string? RecallReference(ImageReference image, string platform)
    {
        try
        {
            var file = ReferenceFile(image, platform);
            var digest = File.Exists(file) ? File.ReadAllText(file).Trim() : null;
            return ContentDigest.IsValid(digest) ? digest : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static ImageFileSystem? LoadTree(string file)
    {
        try
        {
            var entries = JsonSerializer.Deserialize(File.ReadAllBytes(file), CoreJsonContext.Default.ListFileEntry);
            return entries is null ? null : ImageFileSystem.FromEntries(entries);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string FactsFile(string digest) => Path.Combine(Directory, Format, "facts", ContentDigest.Hex(digest) + ".json");

    private string TreeFile(string digest) => Path.Combine(Directory, Format, "trees", ContentDigest.Hex(digest) + ".json");

    private string ReferenceFile(ImageReference image, string platform)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(image + " " + platform))).ToLowerInvariant();
        return Path.Combine(Directory, Format, "references", key);
    }

    private static void WriteAtomically(string path, byte[] content) => AtomicFile.WriteAllBytes(path, content);
}
