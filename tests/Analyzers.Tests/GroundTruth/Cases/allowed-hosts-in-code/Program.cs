using Microsoft.AspNetCore.HostFiltering;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();
builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = ["api.contoso.com"]);
var app = builder.Build();

app.MapHealthChecks("/healthz");

app.Run();
