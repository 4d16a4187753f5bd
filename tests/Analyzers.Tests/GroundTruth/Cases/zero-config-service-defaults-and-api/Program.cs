var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var app = builder.Build();

var todos = app.MapGroup("/api/todos");
todos.MapGet("/", () => new[] { "write tests" });

app.MapDefaultEndpoints();

app.Run();
