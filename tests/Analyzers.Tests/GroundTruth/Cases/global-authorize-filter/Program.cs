using Microsoft.AspNetCore.Mvc.Authorization;

    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddControllers(options => options.Filters.Add(new AuthorizeFilter()));
    builder.Services.AddAuthentication().AddBearerToken();
var app = builder.Build();

    app.MapControllers();

    app.Run();
