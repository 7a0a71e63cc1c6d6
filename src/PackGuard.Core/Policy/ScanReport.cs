using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Policy;

/// <summary>The outcome of a scan.</summary>
public enum Verdict
{
    Pass,
    Fail,
}

/// <summary>
/// A scan result with policy applied: the verdict and the counts report writers print. Writers
/// take this and never recompute any of it.
/// </summary>
/// <param name="Result">What the scan observed.</param>
/// <param name="Verdict">Pass or fail.</param>
/// <param name="FailOn">The threshold that decided the verdict.</param>
/// <param name="Summary">Finding counts per severity (every severity present, zero included).</param>
public sealed record ScanReport(
    ScanResult Result,
    Verdict Verdict,
    FailThreshold FailOn,
    IReadOnlyDictionary<Severity, int> Summary)
{
    /// <summary>What the policy file, baseline and suppressions took out of the verdict.</summary>
    public PolicyOutcome Policy { get; init; } = PolicyOutcome.None;
}
