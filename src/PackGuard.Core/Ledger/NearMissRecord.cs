namespace PackGuard.Ledger;

/// <summary>
/// One near miss as the anonymized export sees it: one per failed run and rule family that
/// decided the verdict. It carries no target, path or fingerprint, so an export cannot leak them.
/// </summary>
/// <param name="Time">When the run finished (the export keeps only the month).</param>
/// <param name="Control">Which control caught it.</param>
/// <param name="Context">Where that control ran.</param>
/// <param name="Ecosystem">npm, nuget or pypi when known.</param>
/// <param name="RuleFamily">The rule family that blocked the run.</param>
/// <param name="Exposure">What it would have exposed (<see cref="NearMissExposure"/>).</param>
/// <param name="Severity">The family's most severe finding in that run.</param>
public sealed record NearMissRecord(
    DateTimeOffset Time,
    LedgerControl Control,
    LedgerContext Context,
    string? Ecosystem,
    string RuleFamily,
    string Exposure,
    string Severity);
