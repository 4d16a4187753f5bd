var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.Use(async (context, next) =>
{
    if (context.Request.Path == "/healthz")
    {
        await context.Response.WriteAsync("healthy");
        return;
    }

    await next(context);
});
app.MapGet("/", () => "Hello World!");

app.Run();
