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
        var inflated = new CountingStream(new DecompressionErrorStream(gzip, "the gzip data"));
        var guard = new RatioGuardStream(inflated, () => compressed.BytesRead, context.Limits);
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
            }
            else
            {
                var entry = new ArtifactEntry(prefix + innerName, EntryKind.File, null, null, depth);
                if (context.Admit(entry, innerName))
                    EntryReader.ReadFile(context, entry, content, SkipMode.Drain);
            }
            CheckLength(input, inflated, depth);
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
    /// .NET's gzip decoder treats input that stops mid-stream as a clean end, so a cut-off file
    /// would pass for a shorter one. When the whole file was inflated and can be seeked, its
    /// trailer's ISIZE (the inflated length modulo 2^32) must match what came out.
    /// </summary>
    private static void CheckLength(Stream input, CountingStream inflated, int depth)
    {
        const int MinimumGzipLength = 18; // 10-byte header, empty deflate block, 8-byte trailer
        if (!inflated.ReachedEnd || !input.CanSeek || input.Length < MinimumGzipLength)
            return;
        Span<byte> trailer = stackalloc byte[4];
        input.Position = input.Length - 4;
        input.ReadExactly(trailer);
        var declared = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        if (declared != (uint)inflated.BytesRead && !EndsWithMember(input, declared))
            throw new ArchiveDamageException(depth, null,
                $"the gzip data is truncated or corrupt: it inflates to {inflated.BytesRead} bytes but its trailer records {declared}");
    }

    /// <summary>
    /// A multi-member gzip (concatenated streams) is valid, and its trailer gives only the last
    /// member's length. Looks backwards for a member header from which the rest of the file
    /// inflates to exactly that length. Only runs when the lengths disagree, which is rare.
    /// </summary>
    private static bool EndsWithMember(Stream input, uint declared)
    {
        const int MaxCandidates = 64;
        var candidates = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var end = input.Length - 8;
            while (end > 1 && candidates < MaxCandidates)
            {
                var start = Math.Max(1, end - buffer.Length);
                input.Position = start;
                var window = buffer.AsSpan(0, (int)(end - start));
                input.ReadExactly(window);
                for (var i = window.Length - 3; i >= 0 && candidates < MaxCandidates; i--)
                {
                    if (window[i] != 0x1F || window[i + 1] != 0x8B || window[i + 2] != 0x08)
                        continue;
                    candidates++;
                    if (InflatesTo(input, start + i, declared))
                        return true;
                }
                end = start + 2; // overlap so a header across the window edge is seen
                if (start == 1)
                    break;
            }
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool InflatesTo(Stream input, long offset, uint declared)
    {
        input.Position = offset;
        var chunk = ArrayPool<byte>.Shared.Rent(EntryReader.ChunkSize);
        try
        {
            using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            long total = 0;
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                total += read;
                if (total > declared) // packages hold no 4 GiB members; this also bounds a hostile candidate
                    return false;
            }
            return (uint)total == declared;
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
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
