using Platform;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlatformServices();
var app = builder.Build();

app.MapHealthChecks("/healthz");

app.Run();
