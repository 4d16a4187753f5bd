using Microsoft.AspNetCore.Mvc;

[ApiController]
public sealed class HealthController : ControllerBase
{
    [HttpPost("/healthz")]
    public IActionResult Post() => Ok("healthy");
}
