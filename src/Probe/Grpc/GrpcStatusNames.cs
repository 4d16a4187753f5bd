namespace ContainerHealth.Probe.Grpc;

/// <summary>Names of gRPC status codes (grpc/doc/statuscodes.md) and of the health service's serving statuses.</summary>
internal static class GrpcStatusNames
{
    public const int NotFound = 5;
    public const int Unimplemented = 12;

    private static readonly string[] StatusCodes =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    private static readonly string[] ServingStatuses = ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"];

    public static string StatusCode(int code) => code >= 0 && code < StatusCodes.Length ? StatusCodes[code] : "code " + code;

    public static string ServingStatus(int status) =>
        status >= 0 && status < ServingStatuses.Length ? ServingStatuses[status] : "serving status " + status;

    /// <summary>The status a gRPC client reports for an HTTP status without grpc-status (grpc/doc/http-grpc-status-mapping.md).</summary>
    public static int FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => 13,
        401 => 16,
        403 => 7,
        404 => Unimplemented,
        429 or 502 or 503 or 504 => 14,
        _ => 2,
    };
}
