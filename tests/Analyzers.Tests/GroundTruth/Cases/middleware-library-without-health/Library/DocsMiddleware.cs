using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Docs;

public static class DocsMiddleware
{
    public static IApplicationBuilder UseDocs(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/docs"))
            {
                await context.Response.WriteAsync("docs");
                return;
            }

            await next(context);
        });
}
