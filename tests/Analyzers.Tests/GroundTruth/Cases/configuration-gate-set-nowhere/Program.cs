var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
var app = builder.Build();

if (app.Configuration.GetValue<bool>("Features:HealthChecks"))
{
    app.MapHealthChecks("/healthz");
}

app.Run();
