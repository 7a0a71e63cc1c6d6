namespace PackGuard.Artifacts;

/// <summary>
/// Bounds on what the walker will read. Crossing one produces an <c>archive/limits-exceeded</c>
/// finding; the walk then goes on with what it may still read.
/// </summary>
/// <param name="MaxEntrySize">Largest entry (uncompressed bytes) whose content is inspected.</param>
/// <param name="MaxTotalSize">Most uncompressed bytes read from one artifact, nested archives included.</param>
/// <param name="MaxCompressionRatio">Largest uncompressed-to-compressed ratio tolerated once
/// <see cref="RatioThreshold"/> bytes have been expanded.</param>
/// <param name="MaxEntries">Most entries walked in one artifact, nested archives included.</param>
/// <param name="MaxDepth">How many archives deep nested archives are opened.</param>
public sealed record ArtifactLimits(
    long MaxEntrySize = 512L * 1024 * 1024,
    long MaxTotalSize = 4L * 1024 * 1024 * 1024,
    double MaxCompressionRatio = 250,
    int MaxEntries = 250_000,
    int MaxDepth = 4)
{
    /// <summary>Expanded bytes below which the compression ratio is not judged (small files compress well).</summary>
    public long RatioThreshold { get; init; } = 16L * 1024 * 1024;

    /// <summary>
    /// Longest time one file entry may take to read and inspect; past it, the rest of the entry is
    /// skipped and the scan is incomplete (<c>scan/incomplete</c>).
    /// </summary>
    public TimeSpan MaxEntryTime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Longest time the walk of one artifact may take; past it, no further entry is read and the
    /// scan is incomplete (<c>scan/incomplete</c>).
    /// </summary>
    public TimeSpan MaxScanTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Most bytes of debug symbols held in memory to read one file: a PDB, the compressed or
    /// decompressed portable PDB embedded in a DLL, the debug sections of an ELF binary. Symbols
    /// need random access, so they are buffered, never the rest of a binary; larger ones are reported
    /// from what could be read, and the finding says so. Never more than <see cref="MaxEntrySize"/>.
    /// </summary>
    public long MaxSymbolSize { get; init; } = 256L * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static ArtifactLimits Default { get; } = new();
}
