using PackGuard.Findings;

namespace PackGuard.Artifacts.Walking;

/// <summary>
/// The state of one walk, shared by every archive level: the visitor, the limits and the budgets
/// they impose across nested archives, and the findings they produce. Once a walk-wide limit is
/// crossed (<see cref="Stopped"/>) every level ends its loop.
/// </summary>
internal sealed class WalkContext(ArtifactLimits limits, IFindingSink findings, IEntryVisitor visitor, CancellationToken cancellationToken,
    TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly long _started = (clock ?? TimeProvider.System).GetTimestamp();
    private long _entryStarted;

    public ArtifactLimits Limits { get; } = limits;
    public IEntryVisitor Visitor { get; } = visitor;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Entries admitted so far, nested ones included.</summary>
    public int EntryCount { get; private set; }

    /// <summary>Bytes of entry content read so far (delivered or skipped by reading).</summary>
    public long ExpandedBytes { get; private set; }

    /// <summary>A walk-wide limit was crossed: no more entries or content.</summary>
    public bool Stopped { get; private set; }

    /// <summary>The last entry admitted: where a stream-wide problem is located.</summary>
    public string? CurrentPath { get; private set; }

    /// <summary>A time budget ran out: the walk did not read everything (<c>scan/incomplete</c>).</summary>
    public bool Incomplete { get; private set; }

    /// <summary>Size of the artifact file, for the walk-wide compression ratio; 0 for a directory.</summary>
    public long ArtifactBytes { get; init; }

    // Names seen so far (files and links; a directory may legitimately be listed twice), exactly
    // and ignoring case, to find entries that unpack over one another.
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _foldedNames = new(StringComparer.OrdinalIgnoreCase);

    public void Report(Finding finding) => findings.Report(finding);

    /// <summary>
    /// Counts an entry and checks its name (and link target, unless the caller resolves links
    /// itself). Returns <see langword="false"/> when the entry limit stops the walk.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <param name="innerName">Its name inside its own archive (names may themselves contain <c>!</c>).</param>
    /// <param name="checkLink">Whether to judge the link target lexically.</param>
    public bool Admit(ArtifactEntry entry, string innerName, bool checkLink = true)
    {
        if (Stopped || ScanOutOfTime(entry.Path))
            return false;
        if (EntryCount >= Limits.MaxEntries)
        {
            Report(ArchiveFindings.TooManyEntries(entry.Path, Limits.MaxEntries));
            Stopped = true;
            return false;
        }
        EntryCount++;
        CurrentPath = entry.Path;
        _entryStarted = _clock.GetTimestamp();
        if (EntryPaths.UnsafeNameReason(innerName) is { } reason)
            Report(ArchiveFindings.UnsafeName(entry.Path, reason));
        if (checkLink && entry.LinkTarget is { } target &&
            EntryPaths.LinkEscapes(innerName, target, entry.Kind == EntryKind.HardLink))
            Report(ArchiveFindings.UnsafeLink(entry.Path, target));
        if (EntryPaths.OddNameReason(innerName) is { } odd)
            Report(ArchiveFindings.AmbiguousName(entry.Path, odd));
        if (entry.Kind != EntryKind.Directory)
        {
            if (!_names.Add(entry.Path))
                Report(ArchiveFindings.AmbiguousName(entry.Path, EntryPaths.Duplicate));
            else if (!_foldedNames.Add(entry.Path))
                Report(ArchiveFindings.AmbiguousName(entry.Path, EntryPaths.CaseCollision));
        }
        return true;
    }

    /// <summary>
    /// Charges <paramref name="count"/> freshly read content bytes to the total budget and returns
    /// how many of them fit. Crossing the budget reports once and stops the walk.
    /// </summary>
    public int Consume(int count)
    {
        var room = Limits.MaxTotalSize - ExpandedBytes;
        ExpandedBytes += count;
        // Each decompressor has its own ratio guard, but nesting multiplies ratios: a 42.zip-like
        // bomb keeps every level modest while the whole expands thousands of times (it read the
        // full 4 GiB total budget, 6 to 25 s, before stopping). The walk as a whole is held to the
        // same ratio against the artifact's size.
        if (ArtifactBytes > 0 && !Stopped && ExpandedBytes > Limits.RatioThreshold
            && ExpandedBytes > Limits.MaxCompressionRatio * ArtifactBytes)
        {
            Report(ArchiveFindings.RatioExceeded(CurrentPath ?? "", "artifact as a whole (nested archives included)",
                ExpandedBytes, ArtifactBytes, Limits.MaxCompressionRatio));
            Stopped = true;
            return 0;
        }
        if (count <= room)
            return count;
        if (!Stopped)
        {
            Report(ArchiveFindings.TotalTooLarge(CurrentPath ?? "", ExpandedBytes, Limits.MaxTotalSize));
            Stopped = true;
        }
        return (int)Math.Max(0, room);
    }

    /// <summary>
    /// Whether the walk must stop reading <paramref name="entry"/>, of which <paramref name="inspected"/>
    /// bytes were delivered and more wait: the entry's or the walk's time budget ran out. Reports
    /// it once; a walk out of time is also <see cref="Stopped"/>.
    /// </summary>
    public bool EntryOutOfTime(ArtifactEntry entry, long inspected)
    {
        if (ScanOutOfTime(entry.Path))
            return true;
        var spent = _clock.GetElapsedTime(_entryStarted);
        if (spent < Limits.MaxEntryTime)
            return false;
        Incomplete = true;
        Report(ArchiveFindings.EntryOutOfTime(entry.Path, spent, Limits.MaxEntryTime, inspected, entry.Size));
        return true;
    }

    /// <summary>Whether the walk's time budget ran out (reported once; the walk then stops).</summary>
    public bool ScanOutOfTime(string path)
    {
        if (Stopped)
            return Incomplete;
        var spent = _clock.GetElapsedTime(_started);
        if (spent < Limits.MaxScanTime)
            return false;
        Incomplete = true;
        Stopped = true;
        Report(ArchiveFindings.ScanOutOfTime(path, spent, Limits.MaxScanTime, EntryCount, ExpandedBytes));
        return true;
    }
}
