using System.Text.Json;

namespace ContainerHealth.Lint;

/// <summary>
/// A JSON value with the 1-based line and column it starts at, read with <see cref="Utf8JsonReader"/> (comments and
/// trailing commas allowed, as AWS tooling accepts them). Malformed input is a <see cref="JsonException"/> with its position.
/// </summary>
public sealed class PositionedJson
{
    private PositionedJson(JsonTokenType kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    /// <summary>The JSON token the value starts with; <see cref="JsonTokenType.None"/> for a value a template computes (<c>!Ref</c>).</summary>
    public JsonTokenType Kind { get; }

    public int Line { get; }

    public int Column { get; }

    public Dictionary<string, PositionedJson> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<PositionedJson> Items { get; } = [];

    /// <summary>A string's value, or a number/boolean/null as written.</summary>
    public string? Text { get; private set; }

    public PositionedJson? this[string name] => Properties.GetValueOrDefault(name);

    /// <summary>A value read by another reader (YAML, the Terraform subset) in the same shape.</summary>
    internal static PositionedJson Create(JsonTokenType kind, int line, int column, string? text = null) => new(kind, line, column) { Text = text };

    /// <summary>Parses JSON that starts <paramref name="lineOffset"/> lines into its file (a heredoc in a .tf file).</summary>
    public static PositionedJson Parse(byte[] utf8, int maxDepth, int lineOffset = 0)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = maxDepth });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty", null, 0, 0);
        }

        var root = ReadValue(ref reader, lineStarts, lineOffset);
        if (reader.Read())
        {
            throw new JsonException("unexpected content after the JSON value", null, reader.CurrentState.Options.MaxDepth, 0);
        }

        return root;
    }

    private static PositionedJson ReadValue(ref Utf8JsonReader reader, List<int> lineStarts, int lineOffset)
    {
        var offset = (int)reader.TokenStartIndex;
        var lineIndex = lineStarts.BinarySearch(offset);
        lineIndex = lineIndex >= 0 ? lineIndex : ~lineIndex - 1;
        var node = new PositionedJson(reader.TokenType, lineOffset + lineIndex + 1, offset - lineStarts[lineIndex] + 1);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    node.Properties[name] = ReadValue(ref reader, lineStarts, lineOffset);
                }

                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader, lineStarts, lineOffset));
                }

                break;
            case JsonTokenType.String:
                node.Text = reader.GetString();
                break;
            default:
                node.Text = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
                break;
        }

        return node;
    }
}
