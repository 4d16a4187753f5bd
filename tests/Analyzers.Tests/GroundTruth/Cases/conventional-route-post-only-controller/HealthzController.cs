using Microsoft.AspNetCore.Mvc;

public sealed class HealthzController : Controller
{
    [HttpPost]
    public IActionResult Index() => Content("healthy");
}
