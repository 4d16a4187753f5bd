namespace ContainerHealth.Registry;

/// <summary>Why a registry operation failed, coarse enough to decide what to tell the user.</summary>
public enum RegistryFailure
{
    /// <summary>No connection could be made, or it kept failing after the retries (DNS, refused, TLS, timeout).</summary>
    Unreachable,

    /// <summary>401/403 even after authenticating with what was available.</summary>
    Unauthorized,

    /// <summary>404: the repository, tag or blob does not exist.</summary>
    NotFound,

    /// <summary>The registry answered with something this client cannot use (bad status, bad JSON, digest mismatch).</summary>
    Protocol,
}
