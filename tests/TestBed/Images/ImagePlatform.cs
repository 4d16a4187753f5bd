using System.Text.Json.Nodes;

namespace ContainerHealth.TestBed.Images;

public sealed record ImagePlatform(string Architecture, string? Variant = null)
{
    public static ImagePlatform Amd64 { get; } = new("amd64");

    public static ImagePlatform Arm64 { get; } = new("arm64", "v8");

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["architecture"] = Architecture, ["os"] = "linux" };
        if (Variant is not null)
        {
            json["variant"] = Variant;
        }

        return json;
    }
}
