using System.Text.Json.Nodes;

namespace ContainerHealth.TestBed.Images;

/// <summary>A single-platform image to build: named layers (bottom first) and the container config.</summary>
public sealed record ImageRecipe(BaseImageKind Kind, ImagePlatform Platform, IReadOnlyList<string> Layers, JsonObject Config);
