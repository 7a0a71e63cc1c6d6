namespace PackGuard.Artifacts;

/// <summary>
/// Receives the entries of an artifact as the walker streams them. For a file entry the visitor
/// may return a content sink; the walker then pushes the entry's bytes through it, once, so
/// that every inspector shares a single decompression pass.
/// </summary>
public interface IEntryVisitor
{
    /// <summary>Called once per entry, in archive order.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="head">The first bytes of a file entry (up to <see cref="ContentSniffer.HeadSize"/>), empty otherwise.</param>
    /// <returns>A sink for the entry's bytes, or <see langword="null"/> when the content is not needed. The sink
    /// of a directory, a link or a nested archive the walker opens (<see cref="ArtifactEntry.NestedArchive"/>) is
    /// ignored: their head is empty and a nested archive's content arrives as the entries that follow it.</returns>
    IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head);
}

/// <summary>Receives one entry's bytes in order; <see cref="Complete"/> follows the last chunk.</summary>
public interface IEntryContentSink
{
    /// <summary>The next chunk of the entry's content. The span is only valid during the call.</summary>
    void Write(ReadOnlySpan<byte> chunk);

    /// <summary>The entry ended. <paramref name="truncated"/> is set when a limit or damage cut it short.</summary>
    void Complete(bool truncated);
}
