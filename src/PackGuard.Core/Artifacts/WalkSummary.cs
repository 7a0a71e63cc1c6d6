namespace PackGuard.Artifacts;

/// <summary>What a walk saw, for the report's <c>target</c> object.</summary>
/// <param name="Format">The artifact's outermost format: <see cref="ArchiveFormat.Gzip"/> for an npm tarball,
/// <see cref="ArchiveFormat.Zip"/> for a .nupkg or .whl, <see cref="ArchiveFormat.None"/> for a directory or a plain file.</param>
/// <param name="EntryCount">Entries walked, nested archives' entries included.</param>
/// <param name="ExpandedBytes">Bytes of entry content read (delivered to the visitor or read to skip it).</param>
public sealed record WalkSummary(ArchiveFormat Format, int EntryCount, long ExpandedBytes)
{
    /// <summary>A time budget ran out, so not everything was read (a <c>scan/incomplete</c> finding says where).</summary>
    public bool Incomplete { get; init; }
}
