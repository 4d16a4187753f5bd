namespace ContainerHealth.Lint;

/// <summary>
/// Helm chart templates are Go templates that render to YAML: linting one as it stands would report its <c>{{ }}</c>
/// as YAML errors. It is recognised (a <c>{{</c> in a file under a chart, i.e. below a Chart.yaml) and answered with a note.
/// </summary>
public static class HelmTemplate
{
    public static bool IsTemplate(string path, string text)
    {
        if (!text.Contains("{{", StringComparison.Ordinal) || Path.GetExtension(path).ToLowerInvariant() is not (".yaml" or ".yml" or ".tpl"))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        for (var level = 0; level < 4 && directory is not null; level++, directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Chart.yaml")))
            {
                return true;
            }
        }

        return false;
    }

    public static DeploymentFileResult Note(string file) =>
        DeploymentFileResult.Note($"{file}: a Helm template, not YAML until rendered; render it with `helm template` and lint the output");
}
