namespace ContainerHealth.Probe.Http;

internal enum ResponseHeadState
{
    /// <summary>More bytes are needed.</summary>
    Incomplete,

    /// <summary>The final status is known: its headers were read, or filled the buffer; the body is never read.</summary>
    Complete,

    /// <summary>The peer does not speak HTTP/1.x (TLS, HTTP/2 preface, SSH banner, garbage).</summary>
    NotHttp,

    /// <summary>It started like HTTP/1.x but a status or header line is broken.</summary>
    Malformed,

    /// <summary>A status line or an interim 1xx head did not end within <see cref="ResponseHeadParser.MaxHeadBytes"/>.</summary>
    TooLarge,
}
