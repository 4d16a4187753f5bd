var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGroup("/healthz").MapGet(() => "ok");

app.Run();
