namespace ContainerHealth.Probe.Http;

internal enum ResponseHeadState
{
    /// <summary>More bytes are needed.</summary>
    Incomplete,

    /// <summary>Status line and headers of a final response were read; the body is never read.</summary>
    Complete,

    /// <summary>The peer does not speak HTTP/1.x (TLS, HTTP/2 preface, SSH banner, garbage).</summary>
    NotHttp,

    /// <summary>It started like HTTP/1.x but a status or header line is broken.</summary>
    Malformed,

    /// <summary>The head did not end within <see cref="ResponseHeadParser.MaxHeadBytes"/>.</summary>
    TooLarge,
}
