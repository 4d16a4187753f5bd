namespace ContainerHealth.Images.Archives;

/// <summary>
/// Where one entry of a tar archive lies: from its first header block (a pax extended header, if any) to the end of its
/// data padded to the block size (-1 when unknown); with its content when it is small enough to be metadata.
/// </summary>
internal sealed record ArchiveEntrySpan(string Name, long Start, long End, DateTimeOffset Modified, byte[]? Content);
