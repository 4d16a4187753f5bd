namespace ContainerHealth.Lint;

/// <summary>
/// Points a port finding at the port itself: the first command element that holds the port's text, at its column plus
/// the offset inside it (plus the opening quote), when the element sits on one line; otherwise at the element.
/// </summary>
internal static class PortLocator
{
    public readonly record struct Element(string Text, FilePosition Position, bool Quoted, bool SingleLine);

    public static FilePosition? Find(CheckCommand? command, IEnumerable<Element> elements)
    {
        if (command?.PortText is not { } portText)
        {
            return null;
        }

        foreach (var element in elements)
        {
            var index = element.Text.IndexOf(portText, StringComparison.Ordinal);
            if (index < 0)
            {
                continue;
            }

            var offset = portText.StartsWith(':') ? index + 1 : index;
            return element.SingleLine && !element.Text.Contains('\\') && !element.Text.Contains('\n')
                ? element.Position with { Column = element.Position.Column + offset + (element.Quoted ? 1 : 0) }
                : element.Position;
        }

        return null;
    }
}
