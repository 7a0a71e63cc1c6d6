namespace PackGuard.Inspectors.Files;

/// <summary>One file that should probably not ship, judged.</summary>
/// <param name="Path">The entry's full path.</param>
/// <param name="Size">Its size in bytes (declared, or as read).</param>
/// <param name="Candidate">What its name made it.</param>
/// <param name="Verdict">What its content (or its name alone) says.</param>
internal sealed record FileObservation(string Path, long Size, FileCandidate Candidate, FileVerdict Verdict);
