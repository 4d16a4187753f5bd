var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.MapGet("/", () => "Hello World!");
if (app.Environment.IsEnvironment("Development"))
{
    app.MapHealthChecks("/healthz");
}

app.Run();
