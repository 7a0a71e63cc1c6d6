using PackGuard.Scanning;

namespace PackGuard.Diff;

/// <summary>
/// Attached to the <see cref="ScanResult"/> of a diff: the old version it was compared against and
/// what changed. The result's findings are then the <c>diff/*</c> findings.
/// </summary>
/// <param name="Against">The old version's target.</param>
/// <param name="Changes">What changed.</param>
public sealed record DiffComparison(TargetInfo Against, DiffChanges Changes);
