using System.Diagnostics;
using ContainerHealth.Registry;

namespace ContainerHealth.Cli.Progress;

/// <summary>
/// Layers and bytes downloaded so far, redrawn on one terminal line (stderr) at most every 100 ms and erased when done.
/// Only created when both stdout and stderr are terminals, so piped and CI output stays clean.
/// </summary>
public sealed class DownloadProgress : IDisposable
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter terminal;
    private readonly object gate = new();
    private readonly Stopwatch sinceDrawn = new();
    private HashSet<string> layers = new(StringComparer.Ordinal);
    private long totalBytes;
    private long bytes;
    private int layersDone;
    private int drawnWidth;

    private DownloadProgress(TextWriter terminal) => this.terminal = terminal;

    /// <summary>A progress line when stdout and stderr are terminals; null otherwise.</summary>
    public static DownloadProgress? ForTerminal() =>
        Console.IsOutputRedirected || Console.IsErrorRedirected ? null : new DownloadProgress(Console.Error);

    /// <summary>The layers about to be read; only blobs among them count.</summary>
    public void Expect(IReadOnlyList<Descriptor> manifestLayers)
    {
        lock (gate)
        {
            layers = new HashSet<string>(manifestLayers.Select(l => l.Digest), StringComparer.Ordinal);
            totalBytes = manifestLayers.Sum(l => l.Size);
        }
    }

    public bool Tracks(string digest)
    {
        lock (gate)
        {
            return layers.Contains(digest);
        }
    }

    public void Add(int count)
    {
        lock (gate)
        {
            bytes += count;
            if (!sinceDrawn.IsRunning || sinceDrawn.Elapsed >= RedrawInterval)
            {
                Draw();
            }
        }
    }

    public void LayerDone()
    {
        lock (gate)
        {
            layersDone++;
            Draw();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (drawnWidth > 0)
            {
                terminal.Write("\r" + new string(' ', drawnWidth) + "\r");
                terminal.Flush();
                drawnWidth = 0;
            }
        }
    }

    private void Draw()
    {
        var line = $"downloading layers {layersDone}/{layers.Count}  {Megabytes(bytes)} / {Megabytes(totalBytes)} MB";
        terminal.Write("\r" + line.PadRight(drawnWidth));
        terminal.Flush();
        drawnWidth = Math.Max(drawnWidth, line.Length);
        sinceDrawn.Restart();
    }

    private static string Megabytes(long count) => (count / 1_048_576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
