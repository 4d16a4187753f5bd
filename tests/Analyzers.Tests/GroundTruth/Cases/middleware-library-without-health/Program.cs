using Docs;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.UseDocs();
app.MapGet("/", () => "Hello World!");

app.Run();
