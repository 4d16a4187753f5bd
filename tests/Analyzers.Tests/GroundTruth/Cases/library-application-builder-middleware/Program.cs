using Platform;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlatformServices();
var app = builder.Build();

app.UsePlatformProbes();
app.MapGet("/", () => "Hello World!");

app.Run();
