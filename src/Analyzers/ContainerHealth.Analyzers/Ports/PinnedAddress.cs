using Microsoft.CodeAnalysis;

namespace ContainerHealth.Analyzers.Ports;

/// <summary>One place the code pins the address Kestrel listens on, with the port it pins (null when not a constant).</summary>
internal sealed class PinnedAddress
{
    public PinnedAddress(int? port, string source, Location location)
    {
        Port = port;
        Source = source;
        Location = location;
    }

    /// <summary>Null when the port is read at run time (configuration, a variable): then the rule cannot judge.</summary>
    public int? Port { get; }

    /// <summary>The call as the user wrote it, for the message: UseUrls, ListenAnyIP, app.Urls.Add, app.Run.</summary>
    public string Source { get; }

    public Location Location { get; }
}
