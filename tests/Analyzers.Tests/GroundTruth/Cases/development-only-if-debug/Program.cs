var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.MapGet("/", () => "Hello World!");
#if DEBUG
app.MapHealthChecks("/healthz");
#endif

app.Run();
