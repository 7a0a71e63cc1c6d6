using System.IO.Compression;
using System.Text;
using PackGuard.Artifacts.Streams;

namespace PackGuard.Artifacts.Walking;

/// <summary>
/// Walks a zip-family archive (.zip, .nupkg, .snupkg, .whl, .jar, .vsix) in central-directory
/// order. Each entry is decompressed on its own, so each has its own compression-ratio guard.
/// </summary>
internal static class ZipLevel
{
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;
    private const int MaxLinkTargetBytes = 4096;

    /// <param name="context">The walk.</param>
    /// <param name="seekable">The archive; zip needs to seek to its central directory.</param>
    /// <param name="prefix">Prepended to entry names: empty, or the containing entry's path and <c>!</c>.</param>
    /// <param name="depth">The depth of this archive's entries.</param>
    /// <param name="archiveLength">Bytes of the archive, which bounds what an entry can claim to compress to.</param>
    public static void Walk(WalkContext context, Stream seekable, string prefix, int depth, long archiveLength)
    {
        ZipArchive? archive = null;
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            archive = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            entries = archive.Entries;
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            archive?.Dispose();
            throw ArchiveDamageException.From(e, depth, null);
        }
        using (archive)
        {
            ReportRenamedEntries(context, seekable, prefix, archiveLength);
            foreach (var zip in entries)
            {
                if (context.Stopped)
                    return;
                context.CancellationToken.ThrowIfCancellationRequested();
                var isDirectory = zip.FullName.EndsWith('/');
                var isLink = !isDirectory && ((zip.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink;
                var kind = isDirectory ? EntryKind.Directory : isLink ? EntryKind.SymbolicLink : EntryKind.File;
                var name = EntryPaths.Normalize(zip.FullName, isDirectory);
                var path = prefix + name;
                var target = isLink ? ReadLinkTarget(zip, depth, path, archiveLength) : null;
                var entry = new ArtifactEntry(path, kind, kind == EntryKind.File ? zip.Length : null, target, depth);
                if (!context.Admit(entry, name))
                    return;
                if (kind == EntryKind.File)
                    ReadEntry(context, zip, entry, archiveLength);
                else
                    context.Visitor.OnEntry(entry, ReadOnlySpan<byte>.Empty);
            }
        }
    }

    /// <summary>
    /// Entries whose local header names another file than the central directory: the walk reads
    /// them under their central name, as unzip and .NET do, and reports the other name.
    /// </summary>
    private static void ReportRenamedEntries(WalkContext context, Stream seekable, string prefix, long archiveLength)
    {
        IReadOnlyList<(string Central, string Local)> renamed;
        try
        {
            renamed = ZipLocalNames.Mismatches(seekable, archiveLength);
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            // Damage shows again, and is reported, when the entries are read.
            return;
        }
        foreach (var (central, local) in renamed)
            context.Report(ArchiveFindings.LocalNameMismatch(prefix + EntryPaths.Normalize(central, central.EndsWith('/')), local));
    }

    private static void ReadEntry(WalkContext context, ZipArchiveEntry zip, ArtifactEntry entry, long archiveLength)
    {
        var raw = Open(zip, entry.Depth, entry.Path, archiveLength);
        using (raw)
        {
            var limits = context.Limits;
            var compressed = Math.Max(1, Math.Min(zip.CompressedLength, archiveLength));
            var guard = new RatioGuardStream(
                new ZipChecksumStream(new DecompressionErrorStream(raw, "the entry's compressed data"), zip.Crc32), () => compressed, limits);
            // Skipping an entry costs nothing in a zip, but an entry that claims a bomb-like ratio is
            // read anyway: only the bytes it really produces can prove it (or clear it).
            var looksLikeBomb = zip.Length > limits.RatioThreshold && zip.Length > compressed * limits.MaxCompressionRatio;
            try
            {
                EntryReader.ReadFile(context, entry, guard, looksLikeBomb ? SkipMode.Drain : SkipMode.Abandon);
            }
            catch (CompressionRatioExceededException e) when (e.Guard == guard)
            {
                context.Report(ArchiveFindings.RatioExceeded(entry.Path, "zip entry", e.ExpandedBytes, e.CompressedBytes, limits.MaxCompressionRatio));
            }
        }
    }

    private static string ReadLinkTarget(ZipArchiveEntry zip, int depth, string path, long archiveLength)
    {
        using var stream = Open(zip, depth, path, archiveLength);
        var bytes = new byte[MaxLinkTargetBytes];
        try
        {
            var length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(bytes, 0, length);
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            throw ArchiveDamageException.From(e, depth, path);
        }
    }

    private static Stream Open(ZipArchiveEntry zip, int depth, string path, long archiveLength)
    {
        // The BCL reader trusts the declared compressed size: from a zip64 field that is negative,
        // or near long.MaxValue, it computes where the entry ends wrongly (with an overflow) and
        // fails with "offset and length were out of bounds for the array", which says nothing
        // about the archive.
        if (zip.CompressedLength < 0)
            throw new ArchiveDamageException(depth, path, $"the entry declares a negative compressed size ({zip.CompressedLength})");
        if (zip.CompressedLength > archiveLength)
            throw new ArchiveDamageException(depth, path,
                $"the entry declares {zip.CompressedLength} compressed bytes, more than the {archiveLength} bytes of the whole archive");
        try
        {
            return zip.Open();
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            throw ArchiveDamageException.From(e, depth, path);
        }
    }
}
