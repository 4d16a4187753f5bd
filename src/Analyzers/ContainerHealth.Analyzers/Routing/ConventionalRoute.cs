using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Routing;

/// <summary>MapControllerRoute / MapDefaultControllerRoute: a pattern that answers only the paths a known controller action matches.</summary>
internal sealed class ConventionalRoute
{
    public const string DefaultPattern = "{controller=Home}/{action=Index}/{id?}";

    public ConventionalRoute(string? pattern, Location location)
    {
        Pattern = pattern;
        Location = location;
    }

    /// <summary>Null when the pattern is not a constant.</summary>
    public string? Pattern { get; }

    public Location Location { get; }

    /// <summary>
    /// Whether routing sends GET <paramref name="path"/> to one of <paramref name="actions"/>: the path's segments fill
    /// the pattern's literals and parameters (defaults for missing ones), then {controller} and {action} must name a
    /// conventionally routed action that answers GET. Null when the pattern is not understood (then anything may answer).
    /// </summary>
    public ConventionalAction? Match(string path, IReadOnlyList<ConventionalAction> actions, out bool understood)
    {
        understood = false;
        if (Pattern is null || Pattern.IndexOf('[') >= 0)
        {
            return null;
        }

        var segments = RoutePath.Segments(Pattern);
        var request = RoutePath.Segments(path);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.StartsWith("{", StringComparison.Ordinal) || !segment.EndsWith("}", StringComparison.Ordinal))
            {
                if (segment.IndexOf('{') >= 0)
                {
                    return null;
                }

                if (i >= request.Length || !string.Equals(segment, request[i], StringComparison.OrdinalIgnoreCase))
                {
                    understood = true;
                    return null;
                }

                continue;
            }

            var inner = segment.Substring(1, segment.Length - 2).TrimStart('*');
            var optional = inner.EndsWith("?", StringComparison.Ordinal);
            var equals = inner.IndexOf('=');
            var name = inner.Split('=', ':', '?')[0];
            var fallback = equals >= 0 ? inner.Substring(equals + 1) : null;
            if (i < request.Length)
            {
                values[name] = request[i];
            }
            else if (fallback is not null)
            {
                values[name] = fallback;
            }
            else if (!optional)
            {
                understood = true;
                return null;
            }
        }

        understood = true;
        if (request.Length > segments.Length && !segments.Any(segment => segment.StartsWith("{*", StringComparison.Ordinal)))
        {
            return null;
        }

        if (!values.TryGetValue("controller", out var controller) || !values.TryGetValue("action", out var action))
        {
            understood = false;
            return null;
        }

        return actions.FirstOrDefault(candidate => candidate.AnswersGet
            && string.Equals(candidate.Controller, controller, StringComparison.OrdinalIgnoreCase)
            && string.Equals(candidate.Action, action, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A controller action without attribute routes: reached through conventional routes by its names.</summary>
internal sealed class ConventionalAction
{
    public ConventionalAction(string controller, string action, bool answersGet, EndpointConventions conventions, Location location)
    {
        Controller = controller;
        Action = action;
        AnswersGet = answersGet;
        Conventions = conventions;
        Location = location;
    }

    public string Controller { get; }

    public string Action { get; }

    public bool AnswersGet { get; }

    public EndpointConventions Conventions { get; }

    public Location Location { get; }
}
