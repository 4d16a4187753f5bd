namespace ContainerHealth.Lint;

/// <summary>Paths inside a Linux container image: always '/', whatever the machine lint runs on.</summary>
public static class ContainerPath
{
    public static string Combine(string directory, string path)
    {
        if (path.StartsWith('/'))
        {
            return Normalize(path);
        }

        return Normalize((directory.Length == 0 ? "/" : directory).TrimEnd('/') + "/" + path);
    }

    /// <summary>Resolves <c>.</c> and <c>..</c>, drops doubled and trailing slashes (the root stays <c>/</c>).</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }

    public static string FileName(string path) => path[(path.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');

    public static string Directory(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
