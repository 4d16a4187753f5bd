var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var app = builder.Build();

app.MapGet("/", () => "Hello World!");
app.MapDefaultEndpoints();

app.Run();
