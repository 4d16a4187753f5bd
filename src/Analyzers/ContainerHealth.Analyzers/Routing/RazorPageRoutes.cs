using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>
/// The routes of the app's Razor Pages, from the .cshtml files the Razor SDK hands the compiler as AdditionalFiles:
/// a file under Pages/ (or Areas/NAME/Pages/) with an <c>@page</c> directive answers GET at its path (Index also at
/// its folder), or at the directive's route (absolute with a leading /, else appended). Read only when the app calls
/// MapRazorPages.
/// </summary>
internal sealed class RazorPageRoutes
{
    private readonly ImmutableArray<AdditionalText> files;
    private readonly string? projectDirectory;

    private RazorPageRoutes(ImmutableArray<AdditionalText> files, string? projectDirectory)
    {
        this.files = files;
        this.projectDirectory = projectDirectory;
    }

    public static RazorPageRoutes Read(ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider provider) =>
        new(
            additionalFiles.Where(file => file.Path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase)).ToImmutableArray(),
            provider.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var directory) && directory.Length > 0 ? directory : null);

    /// <summary>Each page's route templates; null when the pages cannot be read (no .cshtml files handed over).</summary>
    public List<string>? Routes(CancellationToken cancellationToken)
    {
        if (files.IsEmpty)
        {
            return null;
        }

        var routes = new List<string>();
        foreach (var file in files)
        {
            if (PagePath(file.Path) is not { } page || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            if (PageDirective(text.ToString()) is not { } directive)
            {
                continue;
            }

            if (directive.StartsWith("/", StringComparison.Ordinal) || directive.StartsWith("~/", StringComparison.Ordinal))
            {
                routes.Add(RoutePath.Normalize(directive));
                continue;
            }

            var bases = page.EndsWith("/Index", StringComparison.OrdinalIgnoreCase) || page == "/Index"
                ? new[] { page, page.Substring(0, page.Length - "Index".Length) }
                : new[] { page };
            routes.AddRange(bases.Select(route => directive.Length == 0 ? RoutePath.Normalize(route) : RoutePath.Combine(route, directive)));
        }

        return routes;
    }

    /// <summary>"/Privacy" for Pages/Privacy.cshtml, "/Admin/Users" for Areas/Admin/Pages/Users.cshtml; null for other files and partials (_Layout).</summary>
    private string? PagePath(string path)
    {
        var normalized = path.Replace('\\', '/');
        var relative = projectDirectory is { } directory && normalized.StartsWith(directory.Replace('\\', '/').TrimEnd('/') + "/", StringComparison.Ordinal)
            ? normalized.Substring(directory.Replace('\\', '/').TrimEnd('/').Length + 1)
            : normalized.Substring(Math.Max(0, normalized.LastIndexOf("/Pages/", StringComparison.Ordinal) + 1));
        var name = relative.Substring(relative.LastIndexOf('/') + 1);
        if (name.StartsWith("_", StringComparison.Ordinal))
        {
            return null;
        }

        var withoutExtension = relative.Substring(0, relative.Length - ".cshtml".Length);
        if (withoutExtension.StartsWith("Pages/", StringComparison.Ordinal))
        {
            return "/" + withoutExtension.Substring("Pages/".Length);
        }

        var segments = withoutExtension.Split('/');
        return segments.Length > 3 && segments[0] == "Areas" && segments[2] == "Pages"
            ? "/" + segments[1] + "/" + string.Join("/", segments.Skip(3))
            : null;
    }

    /// <summary>The route of the file's @page directive ("" without one); null when the file has none (not a page).</summary>
    private static string? PageDirective(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("@*", StringComparison.Ordinal))
            {
                continue;
            }

            // @page must be the first Razor directive of a page.
            if (!line.StartsWith("@page", StringComparison.Ordinal) || (line.Length > 5 && !char.IsWhiteSpace(line[5]) && line[5] != '"'))
            {
                return null;
            }

            var quote = line.IndexOf('"');
            var end = quote < 0 ? -1 : line.IndexOf('"', quote + 1);
            return quote < 0 || end < 0 ? "" : line.Substring(quote + 1, end - quote - 1);
        }

        return null;
    }
}
