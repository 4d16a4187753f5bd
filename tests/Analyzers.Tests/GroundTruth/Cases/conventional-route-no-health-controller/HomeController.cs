using Microsoft.AspNetCore.Mvc;

public sealed class HomeController : Controller
{
    public IActionResult Index() => Content("home");
}
