var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "Hello from HealthySample");
app.MapGet("/healthz", () => Results.Ok("healthy"));

app.Run();
