namespace ContainerHealth.Lint;

/// <summary>
/// One instruction of a Dockerfile as BuildKit reads it: its keyword (upper case), its arguments with every line
/// continuation joined and comment lines inside it dropped, where it starts, and the bodies of its heredocs
/// (<c>RUN &lt;&lt;EOF</c> ... <c>EOF</c>) in order.
/// </summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments, int Line, int Column)
{
    public IReadOnlyList<string> Heredocs { get; init; } = [];
}

/// <summary>A parsed Dockerfile: its escape character (<c># escape=`</c>) and its instructions.</summary>
public sealed record DockerfileDocument(char Escape, IReadOnlyList<DockerfileInstruction> Instructions);

/// <summary>Why a Dockerfile cannot be read, and where (CH1008).</summary>
public sealed class DockerfileSyntaxException(int line, int column, string message) : Exception(message)
{
    public int Line => line;

    public int Column => column;
}
