using System.Text;

namespace ContainerHealth.Lint;

/// <summary>
/// JSON that Terraform renders from a template (<c>.json.tpl</c>, a heredoc): a placeholder outside a string
/// (<c>"containerPort": ${port}</c>) is quoted, so the JSON parses and the value reads as unknown. Columns after a
/// quoted placeholder on its line move by two; lines stay exact.
/// </summary>
internal static class JsonTemplate
{
    /// <summary>A template whose text is not JSON until rendered (<c>%{ if }</c>, a placeholder for a whole object): a note, not CH1008.</summary>
    public static DeploymentFileResult Unreadable(string file, int line, DeploymentFileResult parseError)
    {
        var problem = parseError.Diagnostics is [var first, ..] ? first.Message.Split(". Fix the file")[0] : "it does not parse";
        return DeploymentFileResult.Note($"{file}:{line}: a template that is JSON only once Terraform renders it ({problem}); lint the rendered JSON");
    }

    public static bool IsTemplateFile(string file) => file.EndsWith(".tpl", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".tftpl", StringComparison.OrdinalIgnoreCase);

    public static string QuotePlaceholders(string json)
    {
        var result = new StringBuilder(json.Length + 16);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    result.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '$' && i + 1 < json.Length && json[i + 1] == '{')
            {
                var end = Close(json, i + 2);
                result.Append('"').Append(json, i, end - i).Append('"');
                i = end - 1;
                continue;
            }

            inString = c == '"';
            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>The index just past the <c>}</c> that closes a placeholder opened before <paramref name="start"/>.</summary>
    private static int Close(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
