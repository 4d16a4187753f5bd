using ContainerHealth.TestBed;

namespace ContainerHealth.Lint.Tests;

/// <summary>
/// The real deployment files collected from public repositories beside the checkout (<c>../shared/corpus/lint</c>, or
/// <c>CONTAINERHEALTH_LINT_CORPUS</c>), read in place and never copied into the repository. <c>MANIFEST.tsv</c> has one
/// row a file: kind, whether it has a check, repository, path.
/// </summary>
internal sealed record LintCorpus(string Root, IReadOnlyList<LintCorpusFile> Files)
{
    public static LintCorpus? Find()
    {
        var root = Environment.GetEnvironmentVariable("CONTAINERHEALTH_LINT_CORPUS") is { Length: > 0 } given
            ? given
            : Path.GetFullPath(Path.Combine(RepositoryLayout.Root, "..", "shared", "corpus", "lint"));
        var manifest = Path.Combine(root, "MANIFEST.tsv");
        if (!File.Exists(manifest))
        {
            return null;
        }

        var files = File.ReadAllLines(manifest)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(row => new LintCorpusFile(row[0], row[1] == "1", row[2] + "/" + row[3], Path.Combine(root, row[2], row[3])))
            .ToList();
        return new LintCorpus(root, files);
    }

    public LintCorpusFile Named(string name) => Files.Single(f => f.Name == name);
}

/// <summary>One corpus file: <see cref="Name"/> is <c>owner+repo/path</c>, as findings are pinned.</summary>
internal sealed record LintCorpusFile(string Kind, bool HasCheck, string Name, string FullPath);
