namespace ContainerHealth.Probe.Grpc;

/// <summary>
/// The decoder's dynamic table (RFC 7541 §2.3.2, §4): newest entry first, oldest evicted when an insertion or a
/// size update would exceed the capacity.
/// </summary>
internal sealed class HpackDynamicTable(int capacity)
{
    private readonly List<HeaderField> entries = [];

    public int Count => entries.Count;

    /// <summary>The sum of the entries' HPACK sizes.</summary>
    public int Size { get; private set; }

    public int Capacity { get; private set; } = capacity;

    /// <param name="index">0 is the newest entry.</param>
    public HeaderField this[int index] => entries[index];

    public void Add(HeaderField field)
    {
        EvictUntil(Capacity - field.HpackSize);
        if (field.HpackSize > Capacity)
        {
            // An entry larger than the table empties it and is not stored (RFC 7541 §4.4).
            return;
        }

        entries.Insert(0, field);
        Size += field.HpackSize;
    }

    public void Resize(int capacity)
    {
        Capacity = capacity;
        EvictUntil(capacity);
    }

    private void EvictUntil(int size)
    {
        while (entries.Count > 0 && Size > size)
        {
            Size -= entries[^1].HpackSize;
            entries.RemoveAt(entries.Count - 1);
        }
    }
}
