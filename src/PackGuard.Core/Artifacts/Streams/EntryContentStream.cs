using PackGuard.Artifacts.Walking;

namespace PackGuard.Artifacts.Streams;

/// <summary>
/// The one way the walker reads an entry's bytes. It turns the readers' exceptions into
/// <see cref="ArchiveDamageException"/> tagged with the archive that owns the entry, and treats
/// data that ends before the declared size as damage: the BCL's tar and zip readers return a
/// short entry, silently, when the archive is truncated or its directory lies.
/// </summary>
internal sealed class EntryContentStream(Stream inner, ArtifactEntry entry) : ReadOnlyStream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            throw ArchiveDamageException.From(e, entry.Depth, entry.Path);
        }
        if (read == 0 && buffer.Length > 0 && entry.Size is { } declared && BytesRead < declared)
            throw new ArchiveDamageException(entry.Depth, entry.Path,
                $"the entry's data ends after {BytesRead} of its declared {declared} bytes (truncated archive)");
        BytesRead += read;
        return read;
    }
}
