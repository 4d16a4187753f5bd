var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();
builder.Services.AddGrpcHealthChecks();
var app = builder.Build();

app.MapGrpcHealthChecksService();
app.MapHealthChecks("/healthz");

app.Run();
