using ContainerHealth.Engines;
using Microsoft.Build.Framework;
using TaskLoggingHelper = Microsoft.Build.Utilities.TaskLoggingHelper;

namespace ContainerHealth.Build.Images;

/// <summary>
/// The config-only load through the Docker Engine API, where the CLI would talk to the same engine: one connection for
/// the load and for dropping the image it supersedes, instead of a <c>docker</c> process for each.
/// </summary>
internal static class DockerApiLoad
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// True when loaded (and the superseded image dropped if nothing names it any more), false when the engine refused
    /// the load (said in the log), null when the API cannot be reached this way (the CLI may still).
    /// </summary>
    public static bool? TryLoad(byte[] archive, string superseded, TaskLoggingHelper log)
    {
        if (DockerEndpoint.Current() is not { } host || DockerEngineApi.Connect(host) is not { } api)
        {
            return null;
        }

        using (api)
        using (var deadline = new CancellationTokenSource(Limit))
        {
            try
            {
                return Task.Run(async () =>
                {
                    if (await api.LoadAsync(archive, deadline.Token) is { } refused)
                    {
                        log.LogMessage(MessageImportance.Normal, "ContainerHealth: the engine refused the image config ({0}); building the HEALTHCHECK instead.", refused);
                        return false;
                    }

                    // An image nothing names any more would pile up, one per publish; one still named elsewhere stays.
                    if (await api.RepoTagsAsync(superseded, deadline.Token) is { Count: 0 })
                    {
                        await api.RemoveImageAsync(superseded, deadline.Token);
                    }

                    return true;
                }).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                log.LogMessage(MessageImportance.Low, "ContainerHealth: the Docker Engine API at {0} did not answer ({1}); using the docker CLI.", host, e.Message);
                return null;
            }
        }
    }
}
