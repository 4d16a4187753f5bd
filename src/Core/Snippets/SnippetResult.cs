using ContainerHealth.Diagnostics;

namespace ContainerHealth.Snippets;

/// <summary>A deployment-file snippet to write next to the build output, and what was adjusted to make it valid.</summary>
public sealed record SnippetResult(string FileName, string Text, IReadOnlyList<Diagnostic> Diagnostics);
