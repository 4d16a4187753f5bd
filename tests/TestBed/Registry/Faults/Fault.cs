namespace ContainerHealth.TestBed.Registry.Faults;

/// <summary>What <see cref="FaultProxy"/> does to a request a <see cref="FaultRule"/> picked instead of forwarding it as it is.</summary>
public abstract record Fault
{
    /// <summary>The connection is reset (TCP RST) before the request reaches the registry.</summary>
    public static Fault Reset { get; } = new ResetFault(AfterForwarding: false);

    /// <summary>The registry gets and completes the request, then the connection is reset: the client never sees the answer.</summary>
    public static Fault ResetAfterForwarding { get; } = new ResetFault(AfterForwarding: true);

    /// <summary>The proxy answers <paramref name="status"/> itself (with Retry-After when given); the registry sees nothing.</summary>
    public static Fault Status(int status, string? retryAfter = null) => new StatusFault(status, retryAfter);

    /// <summary>401 with the registry's own Basic challenge, as when a token or credential expires mid-push.</summary>
    public static Fault Unauthorized { get; } = new StatusFault(401, null, """Basic realm="containerhealth-tests" """);

    /// <summary>Every token <see cref="BearerTokens"/> handed out stops working, starting with this request.</summary>
    public static Fault ExpireTokens { get; } = new ExpireTokensFault();

    /// <summary>The request is held unanswered (its body unread) until the client gives up or the proxy stops.</summary>
    public static Fault StallRequest { get; } = new StallFault(ResponseBytes: null);

    /// <summary>The registry's answer starts (headers and <paramref name="bytes"/> bytes of body), then nothing more comes.</summary>
    public static Fault StallResponseAfter(int bytes) => new StallFault(bytes);
}

public sealed record ResetFault(bool AfterForwarding) : Fault;

public sealed record StatusFault(int Code, string? RetryAfter, string? Challenge = null) : Fault;

public sealed record StallFault(int? ResponseBytes) : Fault;

public sealed record ExpireTokensFault : Fault;
