var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

var api = app.MapGroup("/api");
api.MapHealthChecks("/healthz");

app.Run();
