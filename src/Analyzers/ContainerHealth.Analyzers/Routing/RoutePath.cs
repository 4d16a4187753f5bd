using System;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>Route templates compared the way ASP.NET Core routing compares them: slashes trimmed, case-insensitive literals.</summary>
internal static class RoutePath
{
    public static string Normalize(string template)
    {
        var trimmed = template.Trim();
        if (trimmed.StartsWith("~", StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(1);
        }

        return "/" + trimmed.Trim('/');
    }

    public static string Combine(string prefix, string template)
    {
        var head = Normalize(prefix);
        var tail = Normalize(template);
        return head == "/" ? tail : tail == "/" ? head : head + tail;
    }

    /// <summary>Literal-for-literal equality: the endpoint certainly answers <paramref name="path"/>.</summary>
    public static bool IsExactly(string template, string path) =>
        string.Equals(Normalize(template), Normalize(path), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the template could answer <paramref name="path"/>; parameters and complex segments match anything.</summary>
    public static bool CouldMatch(string template, string path)
    {
        var pattern = Segments(template);
        var request = Segments(path);
        for (var i = 0; i < pattern.Length; i++)
        {
            var segment = pattern[i];
            if (segment.StartsWith("{*", StringComparison.Ordinal))
            {
                return true;
            }

            if (i >= request.Length)
            {
                return IsOptional(segment) && RestOptional(pattern, i + 1);
            }

            if (segment.IndexOf('{') < 0 && !string.Equals(segment, request[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return pattern.Length == request.Length;
    }

    private static bool RestOptional(string[] pattern, int from)
    {
        for (var i = from; i < pattern.Length; i++)
        {
            if (!IsOptional(pattern[i]) && !pattern[i].StartsWith("{*", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOptional(string segment) =>
        segment.StartsWith("{", StringComparison.Ordinal) && (segment.EndsWith("?}", StringComparison.Ordinal) || segment.IndexOf('=') > 0);

    internal static string[] Segments(string template)
    {
        var normalized = Normalize(template);
        return normalized == "/" ? Array.Empty<string>() : normalized.Substring(1).Split('/');
    }
}
