using System.Buffers;
using PackGuard.Artifacts.Streams;

namespace PackGuard.Artifacts.Walking;

/// <summary>
/// Opens an archive found inside another one, names its entries <c>outer!inner</c> one level
/// deeper, and turns its damage into an <c>archive/corrupt</c> finding so the outer walk goes on.
/// </summary>
internal static class NestedArchive
{
    private const int InitialBuffer = 1024 * 1024;

    /// <summary>
    /// Walks the entry as a nested archive when its head says it is one and the limits allow it.
    /// Returns <see langword="false"/> when the caller must read it as an ordinary file.
    /// </summary>
    public static bool TryWalk(WalkContext context, ArtifactEntry entry, ArchiveFormat format,
        ReadOnlyMemory<byte> head, EntryContentStream content, Func<Stream>? reopen)
    {
        if (format is not (ArchiveFormat.Gzip or ArchiveFormat.Tar or ArchiveFormat.Zip))
            return false;
        var depth = entry.Depth + 1;
        if (depth > context.Limits.MaxDepth)
        {
            context.Report(ArchiveFindings.TooDeep(entry.Path, depth, context.Limits.MaxDepth));
            return false;
        }
        // A zip needs a seekable stream; one too large to hold is read as an (oversized) plain file.
        if (format == ArchiveFormat.Zip && reopen is null && entry.Size > MaxBuffer(context))
            return false;

        // The visitor learns that the entry exists; its content arrives as the entries that follow.
        context.Visitor.OnEntry(entry with { NestedArchive = format }, ReadOnlySpan<byte>.Empty);
        var prefix = entry.Path + "!";
        try
        {
            switch (format)
            {
                case ArchiveFormat.Gzip:
                    GzipLevel.Walk(context, new PrefixedStream(head, content), prefix, depth,
                        GzipLevel.InnerName(entry.FileName), entry.Path, readAhead: false);
                    break;
                case ArchiveFormat.Tar:
                    TarLevel.Walk(context, new PrefixedStream(head, content), prefix, depth);
                    break;
                default:
                    WalkZip(context, entry, head, content, reopen, prefix, depth);
                    break;
            }
        }
        catch (ArchiveDamageException e) when (e.Depth == depth)
        {
            context.Report(ArchiveFindings.Corrupt(entry.Path, e.Problem, e.EntryPath));
        }
        return true;
    }

    private static void WalkZip(WalkContext context, ArtifactEntry entry, ReadOnlyMemory<byte> head,
        EntryContentStream content, Func<Stream>? reopen, string prefix, int depth)
    {
        if (reopen is not null)
        {
            Stream file;
            try
            {
                file = reopen();
            }
            catch (Exception e) when (ArchiveDamageException.IsDamage(e))
            {
                throw ArchiveDamageException.From(e, entry.Depth, entry.Path);
            }
            using (file)
                ZipLevel.Walk(context, file, prefix, depth, file.Length);
            return;
        }
        var data = Buffer(context, entry, head, content);
        if (data is null)
            return;
        using var memory = new MemoryStream(data.Value.Array!, 0, data.Value.Count, writable: false);
        ZipLevel.Walk(context, memory, prefix, depth, data.Value.Count);
    }

    /// <summary>
    /// Reads a nested zip into memory, bounded by the entry-size limit. The buffer grows with the
    /// bytes that really arrive, so a header that declares a huge entry cannot reserve memory.
    /// </summary>
    private static ArraySegment<byte>? Buffer(WalkContext context, ArtifactEntry entry, ReadOnlyMemory<byte> head, Stream content)
    {
        var max = MaxBuffer(context);
        using var memory = new MemoryStream((int)Math.Min(entry.Size ?? 0, InitialBuffer) + head.Length);
        memory.Write(head.Span);
        var chunk = ArrayPool<byte>.Shared.Rent(EntryReader.ChunkSize);
        try
        {
            int read;
            while ((read = content.Read(chunk)) > 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (memory.Length + read > max)
                {
                    context.Report(ArchiveFindings.EntryTooLarge(entry.Path, memory.Length + read, context.Limits.MaxEntrySize, declared: false));
                    return null;
                }
                memory.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return new ArraySegment<byte>(memory.GetBuffer(), 0, (int)memory.Length);
    }

    private static long MaxBuffer(WalkContext context) => Math.Min(context.Limits.MaxEntrySize, Array.MaxLength);
}
