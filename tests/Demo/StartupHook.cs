using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

/// <summary>
/// bench-profile loads this assembly into the publish's MSBuild processes (<c>DOTNET_STARTUP_HOOKS</c>; the runtime wants
/// this name, without a namespace). For each task it records the methods the JIT compiled while the task ran and the
/// JIT's time, from the runtime's counters between MSBuild's own task start and stop events: a count that the load of a
/// shared machine does not move, unlike the task's milliseconds. One file per process in
/// <c>$CONTAINERHEALTH_BENCH_JIT_DIRECTORY</c>, a line per task: name, methods, JIT milliseconds.
/// </summary>
public static class StartupHook
{
    public const string DirectoryVariable = "CONTAINERHEALTH_BENCH_JIT_DIRECTORY";

    private static TaskJitListener? listener;

    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory)
        {
            listener = new TaskJitListener(Path.Combine(directory, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tsv"));
        }
    }

    private sealed class TaskJitListener(string file) : EventListener
    {
        private readonly ConcurrentDictionary<string, (long Methods, TimeSpan Time)> running = new();
        private readonly object writing = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Build")
            {
                EnableEvents(eventSource, EventLevel.Informational);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not ("ExecuteTaskStart" or "ExecuteTaskStop") || e.Payload is not [var name, var id, ..])
            {
                return;
            }

            var key = $"{name}#{id}";
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var time = System.Runtime.JitInfo.GetCompilationTime();
            if (e.EventName == "ExecuteTaskStart")
            {
                running[key] = (methods, time);
            }
            else if (running.TryRemove(key, out var start))
            {
                lock (writing)
                {
                    File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture, $"{name}\t{methods - start.Methods}\t{(time - start.Time).TotalMilliseconds:0.0}\n"));
                }
            }
        }
    }
}
