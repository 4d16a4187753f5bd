namespace ContainerHealth.Lint;

/// <summary>Whether a RUN line installs packages (apt-get install, apk add, dnf install, ...): then any program may be there.</summary>
public static class PackageInstall
{
    private static readonly Dictionary<string, string[]> Verbs = new(StringComparer.Ordinal)
    {
        ["apt-get"] = ["install"],
        ["apt"] = ["install"],
        ["aptitude"] = ["install"],
        ["apk"] = ["add"],
        ["yum"] = ["install"],
        ["dnf"] = ["install"],
        ["microdnf"] = ["install"],
        ["tdnf"] = ["install"],
        ["zypper"] = ["install", "in"],
        ["pacman"] = ["-S", "-Sy", "-Syu"],
        ["dpkg"] = ["-i", "--install"],
        ["rpm"] = ["-i", "-ivh", "-Uvh", "-U"],
        ["install_packages"] = [],
    };

    public static bool Mentions(string text)
    {
        var words = ShellText.Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (!Verbs.TryGetValue(ContainerPath.FileName(words[i]), out var verbs))
            {
                continue;
            }

            if (verbs.Length == 0)
            {
                return true;
            }

            // The verb comes after options (apt-get -y --no-install-recommends install), before the next command.
            for (var j = i + 1; j < words.Count && j <= i + 8 && !ShellText.IsSeparator(words[j]); j++)
            {
                if (verbs.Contains(words[j], StringComparer.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
