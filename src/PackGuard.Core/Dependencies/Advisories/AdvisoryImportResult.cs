namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// What one import did. Every record read is counted once: <see cref="Read"/> is
/// <see cref="Imported"/> + <see cref="Updated"/> + <see cref="Unchanged"/> + <see cref="Skipped"/>
/// + <see cref="Withdrawn"/>. Files that are not records are <see cref="BadFiles"/>.
/// </summary>
/// <param name="Source">The directory, zip or file imported, as a full path.</param>
/// <param name="Read">Records read.</param>
/// <param name="Imported">Records new to the store.</param>
/// <param name="Updated">Records that replaced an older copy.</param>
/// <param name="Unchanged">Records the store already had (the same copy, or a newer one).</param>
/// <param name="Skipped">Records that affect no npm, PyPI or NuGet package.</param>
/// <param name="Withdrawn">Withdrawn records: stored so that they replace a live copy, never matched.</param>
/// <param name="Removed">
/// Placeholder records (<c>MAL-0000-...</c>, awaiting their id in the malicious-packages
/// database) that an earlier import of the same source stored and that the source no longer
/// has: they were given an id, or merged into a record that has one. Not counted in <see cref="Read"/>.
/// </param>
/// <param name="BadFiles">Files that are not readable OSV records.</param>
/// <param name="Problems">The bad files and why, the first 1,000.</param>
/// <param name="Elapsed">How long the import took.</param>
public sealed record AdvisoryImportResult(
    string Source,
    int Read,
    int Imported,
    int Updated,
    int Unchanged,
    int Skipped,
    int Withdrawn,
    int Removed,
    int BadFiles,
    IReadOnlyList<AdvisoryImportProblem> Problems,
    TimeSpan Elapsed);

/// <summary>A file an import could not use.</summary>
/// <param name="File">The file, relative to the directory imported (<c>all.zip!npm/x.json</c> inside a zip).</param>
/// <param name="Reason">Why it was not used.</param>
public sealed record AdvisoryImportProblem(string File, string Reason);
