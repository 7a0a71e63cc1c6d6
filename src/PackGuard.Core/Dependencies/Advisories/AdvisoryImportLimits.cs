namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// Bounds on what an import reads, so that a hostile or broken download (a zip bomb, a directory
/// of huge files) costs bounded memory and time. Crossing one is a bad file, not a crash.
/// </summary>
internal sealed record AdvisoryImportLimits
{
    /// <summary>The defaults: real records are a few KiB; the largest OSV records (long version lists) stay well under 1 MiB.</summary>
    public static AdvisoryImportLimits Default { get; } = new();

    /// <summary>A record larger than this is skipped as a bad file.</summary>
    public long MaxRecordBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How many files (or zip entries) are looked at; the rest are not read.</summary>
    public int MaxFiles { get; init; } = 2_000_000;

    /// <summary>How many bytes are read in all (uncompressed); the rest are not read.</summary>
    public long MaxTotalBytes { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>
    /// The most an entry of at least <see cref="RatioFloor"/> bytes may expand over its compressed
    /// size. JSON records compress 5 to 20 times; a zip bomb a thousand times and more.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries smaller than this are not held to <see cref="MaxCompressionRatio"/>: a tiny entry may compress very well and still be harmless.</summary>
    public long RatioFloor { get; init; } = 64 * 1024;

    /// <summary>How many directory levels below the given one are walked.</summary>
    public int MaxDepth { get; init; } = 32;
}
