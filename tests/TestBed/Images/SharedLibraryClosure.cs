namespace ContainerHealth.TestBed.Images;

/// <summary>
/// The shared libraries (glibc and friends, not the files' own siblings) that ELF files of this machine load, found with <c>ldd</c>, as image paths
/// under merged /usr (<c>/lib/x/libc.so.6</c> becomes <c>usr/lib/x/libc.so.6</c>).
/// </summary>
public static class SharedLibraryClosure
{
    /// <summary>Libraries found by ldd, plus <paramref name="dlopened"/> ones the runtime opens by name (e.g. libssl).</summary>
    public static async Task<IReadOnlyList<LayerEntry.HostFile>> FindAsync(IReadOnlyList<string> elfFiles, IEnumerable<string>? dlopened = null)
    {
        var libraries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var elf in elfFiles)
        {
            var ldd = await ProcessRunner.RunAsync("ldd", [elf], timeout: TimeSpan.FromSeconds(30));
            foreach (var line in ldd.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)".
                var parts = line.Split(' ');
                var path = parts.Length >= 3 && parts[1] == "=>" ? parts[2] : parts[0];
                if (path.StartsWith('/') && File.Exists(path) && !elfFiles.Any(e => path.StartsWith(Path.GetDirectoryName(e)! + "/", StringComparison.Ordinal)))
                {
                    libraries[ImagePath(path)] = path;
                }
            }
        }

        foreach (var path in dlopened ?? [])
        {
            if (File.Exists(path))
            {
                libraries[ImagePath(path)] = path;
            }
        }

        return [.. libraries.Select(l => new LayerEntry.HostFile(l.Key, l.Value, LayerEntry.DefaultFileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute))];
    }

    private static string ImagePath(string hostPath)
    {
        var path = hostPath.TrimStart('/');
        return path.StartsWith("usr/", StringComparison.Ordinal) ? path : "usr/" + path;
    }
}
