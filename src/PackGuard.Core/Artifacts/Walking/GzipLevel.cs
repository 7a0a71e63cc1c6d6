using System.Buffers;
using System.IO.Compression;
using PackGuard.Artifacts.Streams;

namespace PackGuard.Artifacts.Walking;

/// <summary>
/// Walks a gzip stream: a compressed tar (an npm tarball, a .tar.gz) is walked as one archive;
/// anything else is a single entry named after the file without <c>.gz</c>. The whole stream has
/// one compression-ratio guard.
/// </summary>
internal static class GzipLevel
{
    /// <summary>The name of a gzip file's content: <c>a.tgz</c> → <c>a.tar</c>, <c>a.js.gz</c> → <c>a.js</c>.</summary>
    public static string InnerName(string fileName)
    {
        if (fileName.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            return fileName[..^4] + ".tar";
        if (fileName.Length > 3 && fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            return fileName[..^3];
        return fileName;
    }

    /// <param name="context">The walk.</param>
    /// <param name="input">The compressed bytes.</param>
    /// <param name="prefix">Prepended to entry names: empty, or the containing entry's path and <c>!</c>.</param>
    /// <param name="depth">The depth of this archive's entries.</param>
    /// <param name="innerName">The entry name to use when the content is not a tar.</param>
    /// <param name="containerPath">Where to locate a ratio finding met before any entry.</param>
    /// <param name="readAhead">Decompress on another thread while the visitor consumes.</param>
    public static void Walk(WalkContext context, Stream input, string prefix, int depth, string innerName,
        string containerPath, bool readAhead)
    {
        var compressed = new CountingStream(input);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        var guard = new RatioGuardStream(gzip, () => compressed.BytesRead, context.Limits);
        using var expanded = readAhead ? new ReadAheadStream(guard, context.CancellationToken) : (Stream)guard;
        var head = ArrayPool<byte>.Shared.Rent(ContentSniffer.HeadSize);
        try
        {
            int headLength;
            try
            {
                headLength = expanded.ReadAtLeast(head.AsSpan(0, ContentSniffer.HeadSize), ContentSniffer.HeadSize, throwOnEndOfStream: false);
            }
            catch (Exception e) when (ArchiveDamageException.IsDamage(e))
            {
                throw ArchiveDamageException.From(e, depth, null);
            }
            var content = new PrefixedStream(head.AsMemory(0, headLength), expanded);
            if (ContentSniffer.Detect(head.AsSpan(0, headLength)) == ArchiveFormat.Tar)
            {
                TarLevel.Walk(context, content, prefix, depth);
                DrainTrailer(context, content, depth);
                return;
            }
            var entry = new ArtifactEntry(prefix + innerName, EntryKind.File, null, null, depth);
            if (context.Admit(entry, innerName))
                EntryReader.ReadFile(context, entry, content, SkipMode.Drain);
        }
        catch (CompressionRatioExceededException e) when (e.Guard == guard)
        {
            context.Report(ArchiveFindings.RatioExceeded(context.CurrentPath ?? containerPath, "gzip stream",
                e.ExpandedBytes, e.CompressedBytes, context.Limits.MaxCompressionRatio));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <summary>
    /// Reads what follows the tar's end marker (padding, usually a few KiB), so that the gzip
    /// trailer is reached and its checksum verified.
    /// </summary>
    private static void DrainTrailer(WalkContext context, Stream content, int depth)
    {
        if (context.Stopped)
            return;
        var buffer = ArrayPool<byte>.Shared.Rent(EntryReader.ChunkSize);
        try
        {
            while (content.Read(buffer) > 0)
                context.CancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            throw ArchiveDamageException.From(e, depth, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
