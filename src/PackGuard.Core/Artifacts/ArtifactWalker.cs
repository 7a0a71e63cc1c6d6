using PackGuard.Artifacts.Streams;
using PackGuard.Artifacts.Walking;
using PackGuard.Findings;

namespace PackGuard.Artifacts;

/// <summary>
/// Streams every entry of an artifact (a file or a directory) to an <see cref="IEntryVisitor"/> in
/// one pass, so that all inspectors share a single decompression. How the pieces fit:
/// <list type="bullet">
/// <item><see cref="ContentSniffer"/> decides what a file is by its first bytes, never its name.</item>
/// <item><c>Walking/</c> holds one reader per container (<c>GzipLevel</c>, <c>TarLevel</c>, <c>ZipLevel</c>,
/// <c>DirectoryTree</c>); each turns its entries into <see cref="ArtifactEntry"/> values and hands file
/// entries to <c>EntryReader</c>, which reads the head, opens nested archives (<c>NestedArchive</c>, named
/// <c>outer!inner</c>) and pushes the bytes to the visitor's sink.</item>
/// <item><c>WalkContext</c> carries the limits across nesting levels; crossing one, an unsafe name or a
/// damaged nested archive becomes a finding (<see cref="ArchiveRules"/>) and the walk goes on.</item>
/// <item><c>Streams/</c> holds the wrappers that make this safe: entry content that ends early or fails to
/// decode is damage tagged with the archive it belongs to, and every decompressor's output is
/// ratio-guarded.</item>
/// </list>
/// Nothing is extracted to disk, and memory is bounded by the largest entry that must be held (a
/// nested zip), not by the artifact.
/// </summary>
public sealed class ArtifactWalker
{
    // The gzip decoder pulls 8 KiB at a time and should not cost a system call each time; a zip
    // reader seeks between entries, and each seek outside the buffer refills it, so not too large.
    private const int FileBufferSize = 128 * 1024;

    private readonly ArtifactLimits _limits;
    private readonly IFindingSink _findings;

    /// <summary>Creates a walker that reports limit, path and damage findings to <paramref name="findings"/>.</summary>
    public ArtifactWalker(ArtifactLimits limits, IFindingSink findings)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(findings);
        _limits = limits;
        _findings = findings;
    }

    /// <summary>
    /// Whether a top-level gzip stream is decompressed on a second thread while entries are
    /// visited. On by default; tests and the benchmark turn it off to compare.
    /// </summary>
    internal bool ReadAhead { get; init; } = true;

    /// <summary>Receives how far through an artifact file the walk is; null for no reports.</summary>
    public IProgress<WalkProgress>? Progress { get; init; }

    /// <summary>The clock the time budgets of <see cref="ArtifactLimits"/> are measured with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Walks an artifact file. A gzip file is decompressed and, when it holds a tar, walked as one;
    /// tar and zip-family files are walked; anything else is a single entry named by its file name.
    /// </summary>
    /// <exception cref="ArtifactUnreadableException">The file cannot be opened, or its own container is damaged.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public WalkSummary WalkFile(string path, IEntryVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(visitor);
        var name = Path.GetFileName(path);
        using Stream file = Progress is { } progress ? new ProgressStream(Open(path), progress) : Open(path);
        var context = new WalkContext(_limits, _findings, visitor, cancellationToken, Clock) { ArtifactBytes = file.Length };
        var format = Sniff(file, path);
        try
        {
            switch (format)
            {
                case ArchiveFormat.Gzip:
                    GzipLevel.Walk(context, file, "", 0, GzipLevel.InnerName(name), name, ReadAhead);
                    break;
                case ArchiveFormat.Tar:
                    TarLevel.Walk(context, file, "", 0);
                    break;
                case ArchiveFormat.Zip:
                    ZipLevel.Walk(context, file, "", 0, file.Length);
                    break;
                default:
                    var entry = new ArtifactEntry(name, EntryKind.File, file.Length, null, 0);
                    if (context.Admit(entry, name))
                        EntryReader.ReadFile(context, entry, file, SkipMode.Abandon);
                    break;
            }
        }
        catch (ArchiveDamageException e)
        {
            throw new ArtifactUnreadableException(path, e.Problem, e.EntryPath, e);
        }
        return new WalkSummary(format, context.EntryCount, context.ExpandedBytes) { Incomplete = context.Incomplete };
    }

    /// <summary>
    /// Walks a directory: every file below <paramref name="root"/> is an entry, symbolic links are
    /// reported and never followed, and archives among the files are walked as nested archives.
    /// </summary>
    /// <exception cref="ArtifactUnreadableException">The directory or one of its files cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public WalkSummary WalkDirectory(string root, IEntryVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        var context = new WalkContext(_limits, _findings, visitor, cancellationToken, Clock);
        try
        {
            DirectoryTree.Walk(context, root);
        }
        catch (ArchiveDamageException e)
        {
            throw new ArtifactUnreadableException(root, e.Problem, e.EntryPath, e);
        }
        return new WalkSummary(ArchiveFormat.None, context.EntryCount, context.ExpandedBytes) { Incomplete = context.Incomplete };
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = FileBufferSize,
                Options = FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            throw new ArtifactUnreadableException(path, "the file cannot be opened: " + e.Message.TrimEnd('.'), null, e);
        }
    }

    private static ArchiveFormat Sniff(Stream file, string path)
    {
        try
        {
            Span<byte> head = stackalloc byte[ContentSniffer.HeadSize];
            var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            file.Position = 0;
            return ContentSniffer.Detect(head[..length]);
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            throw new ArtifactUnreadableException(path, "the file cannot be read: " + e.Message.TrimEnd('.'), null, e);
        }
    }
}
