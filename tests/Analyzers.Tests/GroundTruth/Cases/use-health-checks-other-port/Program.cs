var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.UseHealthChecks("/healthz", 9090);
app.MapGet("/", () => "Hello World!");

app.Run();
