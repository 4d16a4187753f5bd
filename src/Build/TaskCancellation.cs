namespace ContainerHealth.Build;

/// <summary>
/// <see cref="Microsoft.Build.Framework.ICancelableTask.Cancel"/> arrives on another thread, before, during or after
/// Execute: each run gets its own source, cancelled at once if Cancel came first and disposed when the run ends.
/// </summary>
internal sealed class TaskCancellation
{
    private readonly object gate = new();
    private CancellationTokenSource? running;
    private bool cancelled;

    public void Cancel()
    {
        lock (gate)
        {
            cancelled = true;
            running?.Cancel();
        }
    }

    /// <summary>The run's token source; dispose it when the run ends.</summary>
    public Run Start()
    {
        var source = new CancellationTokenSource();
        lock (gate)
        {
            running = source;
            if (cancelled)
            {
                source.Cancel();
            }
        }

        return new Run(this, source);
    }

    internal sealed class Run(TaskCancellation owner, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.running = null;
            }

            source.Dispose();
        }
    }
}
