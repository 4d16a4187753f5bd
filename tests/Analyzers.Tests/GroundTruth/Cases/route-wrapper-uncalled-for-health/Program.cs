var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

app.MapGroup("/api/todos").MapGet(() => new[] { "write tests" });
app.MapHealthChecks("/healthz");

app.Run();
