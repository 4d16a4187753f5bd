using Microsoft.AspNetCore.Mvc;

[ApiController]
public sealed class HealthController : ControllerBase
{
    [HttpGet("/healthz")]
    public IActionResult Get() => Ok("healthy");
}
