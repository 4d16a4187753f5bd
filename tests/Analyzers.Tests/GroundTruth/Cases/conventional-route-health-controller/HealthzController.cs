using Microsoft.AspNetCore.Mvc;

public sealed class HealthzController : Controller
{
    public IActionResult Index() => Content("healthy");
}
