using Microsoft.AspNetCore.Mvc;

namespace Platform;

[ApiController]
[Route("healthz")]
public sealed class HealthController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok("healthy");
}
