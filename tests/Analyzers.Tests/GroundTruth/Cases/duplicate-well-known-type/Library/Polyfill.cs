namespace Microsoft.AspNetCore.Builder;

// Same full name as the framework's class: GetTypeByMetadataName sees two and returns null.
public static class EndpointRouteBuilderExtensions
{
}
