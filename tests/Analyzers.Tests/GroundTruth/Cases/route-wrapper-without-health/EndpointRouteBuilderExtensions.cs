// The Clean Architecture template's route wrapper: the pattern is a parameter with a default.
public static class EndpointRouteBuilderExtensions
{
    public static RouteHandlerBuilder MapGet(this IEndpointRouteBuilder builder, Delegate handler, string pattern = "")
    {
        return builder.MapGet(pattern, handler);
    }
}
