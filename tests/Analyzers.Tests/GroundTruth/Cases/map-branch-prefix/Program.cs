var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.Map("/internal", branch => branch.UseHealthChecks("/healthz"));
app.MapGet("/", () => "Hello World!");

app.Run();
