using Microsoft.AspNetCore.Authorization;

    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddHealthChecks();
    builder.Services.AddAuthentication().AddBearerToken();
builder.Services.AddAuthorization(options =>
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    var app = builder.Build();

    app.MapHealthChecks("/healthz");

    app.Run();
