namespace ContainerHealth.Inspection;

/// <summary>Paths inside an image, normalised as tar entries name them: no leading "/" or "./", no trailing "/"; root is "".</summary>
internal static class ImagePath
{
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    public static string Absolute(string path) => "/" + path;
}
