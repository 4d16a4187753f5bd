var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddHealthChecks();
    builder.Services.AddAuthentication().AddBearerToken();
builder.Services.AddAuthorization();
    var app = builder.Build();

    app.MapHealthChecks("/healthz").RequireAuthorization();

    app.Run();
