using Microsoft.Extensions.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();

// Unhealthy while the marker file exists, so a test can fail the check of a running container from outside.
var unhealthyMarker = builder.Configuration["UnhealthyMarker"] ?? "/tmp/unhealthy";
builder.Services.AddGrpcHealthChecks()
    .AddCheck("marker", () => File.Exists(unhealthyMarker) ? HealthCheckResult.Unhealthy("marker file present") : HealthCheckResult.Healthy());

var app = builder.Build();
app.MapGrpcHealthChecksService();
// The same checks over HTTP, for an HTTP/1.1 endpoint beside the gRPC one (the benchmark compares both).
app.MapHealthChecks("/healthz");
app.Run();
