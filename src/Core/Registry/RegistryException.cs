using System.Net;

namespace ContainerHealth.Registry;

/// <summary>A registry operation failed; the message says what and why, and never contains credentials.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException(RegistryFailure failure, string message, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    public RegistryFailure Failure { get; }

    public HttpStatusCode? StatusCode { get; }
}
