var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.Use(async (context, next) =>
{
    if (context.Request.Path.StartsWithSegments("/healthz"))
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return;
    }

    await next(context);
});

app.Run();
