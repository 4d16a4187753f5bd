var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapMethods("/healthz", ["POST"], () => "ok");

app.Run();
