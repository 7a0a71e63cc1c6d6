using System.Buffers;
using PackGuard.Artifacts.Streams;

namespace PackGuard.Artifacts.Walking;

/// <summary>How to get past the unread rest of an entry.</summary>
internal enum SkipMode
{
    /// <summary>Read it: a sequential stream (tar) must pass over it to reach the next entry.</summary>
    Drain,

    /// <summary>Leave it: the container can jump to the next entry (zip, a directory).</summary>
    Abandon,
}

/// <summary>
/// Reads one file entry: its head, whether it is a nested archive, the entry-size and total-size
/// limits, and the delivery of its bytes to the visitor's sink in pooled chunks.
/// </summary>
internal static class EntryReader
{
    /// <summary>Size of the pooled buffer content moves through; large enough to amortise every call per chunk.</summary>
    public const int ChunkSize = 128 * 1024;

    /// <summary>Reads a file entry whose bytes come from <paramref name="raw"/>.</summary>
    /// <param name="context">The walk.</param>
    /// <param name="entry">The entry, already admitted.</param>
    /// <param name="raw">Its content, positioned at the first byte.</param>
    /// <param name="skip">How to pass over content nobody reads.</param>
    /// <param name="reopen">Opens the entry again as a seekable stream (a file in a directory), so that a
    /// nested zip needs no buffer; <see langword="null"/> inside archives.</param>
    public static void ReadFile(WalkContext context, ArtifactEntry entry, Stream raw, SkipMode skip, Func<Stream>? reopen = null)
    {
        var content = new EntryContentStream(raw, entry);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var headLength = content.ReadAtLeast(buffer.AsSpan(0, ContentSniffer.HeadSize), ContentSniffer.HeadSize, throwOnEndOfStream: false);
            var format = ContentSniffer.Detect(buffer.AsSpan(0, headLength));
            if (NestedArchive.TryWalk(context, entry, format, buffer.AsMemory(0, headLength), content, reopen))
            {
                // The nested archive's own content was counted as it was read; its raw bytes are not.
                Skip(context, content, buffer, skip, count: false);
                return;
            }
            Deliver(context, entry, content, buffer, headLength, skip);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Delivers an ordinary file. (The size limit is judged here, not before: a nested archive is
    /// not read as content, its own entries are, and each of them meets the limit.)
    /// </summary>
    private static void Deliver(WalkContext context, ArtifactEntry entry, Stream content, byte[] buffer,
        int headLength, SkipMode skip)
    {
        var max = context.Limits.MaxEntrySize;
        var sizeReported = entry.Size > max;
        if (sizeReported)
            context.Report(ArchiveFindings.EntryTooLarge(entry.Path, entry.Size!.Value, max, declared: true));
        var fits = context.Consume(headLength);
        var first = (int)Math.Min(fits, max);
        var truncated = first < headLength;
        if (first < fits && !sizeReported)
        {
            context.Report(ArchiveFindings.EntryTooLarge(entry.Path, headLength, max, declared: false));
            sizeReported = true;
        }

        var sink = context.Visitor.OnEntry(entry, buffer.AsSpan(0, first));
        if (sink is null)
        {
            Skip(context, content, buffer, skip, count: true);
            return;
        }

        if (first > 0)
            sink.Write(buffer.AsSpan(0, first));
        long delivered = first;
        while (!truncated)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            int read;
            try
            {
                read = content.Read(buffer);
            }
            catch (Exception)
            {
                // Damage or a ratio stop ends the entry early; the sink still hears that it ended.
                sink.Complete(truncated: true);
                throw;
            }
            if (read == 0)
                break;
            // Between chunks, so that the budget is judged only while there is more to read.
            if (context.EntryOutOfTime(entry, delivered))
            {
                truncated = true;
                break;
            }
            fits = context.Consume(read);
            var allowed = (int)Math.Min(fits, max - delivered);
            if (allowed > 0)
            {
                sink.Write(buffer.AsSpan(0, allowed));
                delivered += allowed;
            }
            if (allowed < read)
            {
                truncated = true;
                if (allowed < fits && !sizeReported)
                    context.Report(ArchiveFindings.EntryTooLarge(entry.Path, delivered + (fits - allowed), max, declared: false));
            }
        }
        sink.Complete(truncated);
        Skip(context, content, buffer, skip, count: true);
    }

    /// <summary>Passes over the rest of an entry. Counted bytes are charged to the total budget.</summary>
    private static void Skip(WalkContext context, Stream content, byte[] buffer, SkipMode mode, bool count)
    {
        if (mode == SkipMode.Abandon)
            return;
        while (!context.Stopped && !(context.CurrentPath is { } path && context.ScanOutOfTime(path)))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var read = content.Read(buffer);
            if (read == 0 || (count && context.Consume(read) < read))
                return;
        }
    }
}
