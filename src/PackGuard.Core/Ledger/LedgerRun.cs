namespace PackGuard.Ledger;

/// <summary>One run of a control against one target, as the ledger keeps it.</summary>
/// <param name="Id">Unique per run; recording the same id twice is refused.</param>
/// <param name="Time">When the run finished.</param>
/// <param name="Control">Which command ran.</param>
/// <param name="Context">Where it ran.</param>
/// <param name="TargetSpec">The target as given (<c>npm:left-pad@1.3.0</c>, a file, a lockfile).</param>
/// <param name="Ecosystem">npm, nuget or pypi when known.</param>
/// <param name="Name">The package name when known.</param>
/// <param name="Version">The package version when known.</param>
/// <param name="Sha256">The artifact's SHA-256 when one was read.</param>
/// <param name="Verdict"><c>pass</c> or <c>fail</c>; a failed verdict is a near miss.</param>
/// <param name="FailOn">The <c>--fail-on</c> level the verdict was decided with.</param>
/// <param name="Findings">What the run found (after policy).</param>
public sealed record LedgerRun(
    Guid Id,
    DateTimeOffset Time,
    LedgerControl Control,
    LedgerContext Context,
    string TargetSpec,
    string? Ecosystem,
    string? Name,
    string? Version,
    string? Sha256,
    string Verdict,
    string FailOn,
    IReadOnlyList<LedgerFinding> Findings)
{
    /// <summary>The verdict that makes a run a near miss.</summary>
    public const string Fail = "fail";

    /// <summary>The verdict of a run that let the target through.</summary>
    public const string Pass = "pass";

    /// <summary>Whether the run blocked its target: a near miss.</summary>
    public bool IsNearMiss => Verdict == Fail;
}
