var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://+:5723");
builder.Services.AddHealthChecks();
var app = builder.Build();

app.MapHealthChecks("/healthz");

app.Run();
