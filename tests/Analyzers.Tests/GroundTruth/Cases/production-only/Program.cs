var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.MapGet("/", () => "Hello World!");
if (app.Environment.IsProduction())
{
    app.MapHealthChecks("/healthz");
}

app.Run();
