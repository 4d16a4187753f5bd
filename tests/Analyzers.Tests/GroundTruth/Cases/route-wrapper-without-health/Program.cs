var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGroup("/api/todos").MapGet(() => new[] { "write tests" });
app.MapGroup("/api/users").MapGet((int id) => id, "{id}");

app.Run();
