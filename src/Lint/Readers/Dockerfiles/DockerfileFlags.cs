namespace ContainerHealth.Lint;

/// <summary>The leading <c>--name=value</c> (or bare <c>--name</c>) flags of FROM, RUN, COPY, ADD and HEALTHCHECK.</summary>
public static class DockerfileFlags
{
    public static IReadOnlyDictionary<string, string> Read(IReadOnlyList<string> words, out IReadOnlyList<string> rest)
    {
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        for (; i < words.Count && words[i].StartsWith("--", StringComparison.Ordinal) && words[i].Length > 2; i++)
        {
            var equals = words[i].IndexOf('=', StringComparison.Ordinal);
            flags[equals < 0 ? words[i][2..] : words[i][2..equals]] = equals < 0 ? "" : words[i][(equals + 1)..];
        }

        rest = words.Skip(i).ToList();
        return flags;
    }

    /// <summary>The flags at the start of an unexpanded argument text (RUN, HEALTHCHECK), and the text after them.</summary>
    public static IReadOnlyDictionary<string, string> ReadLeading(string arguments, char escape, out string rest)
    {
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = arguments.TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var end = 0;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var flag = DockerfileWords.Expand(text[..end], escape, _ => null);
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            flags[equals < 0 ? flag[2..] : flag[2..equals]] = equals < 0 ? "" : flag[(equals + 1)..];
            text = text[end..].TrimStart();
        }

        rest = text;
        return flags;
    }
}
