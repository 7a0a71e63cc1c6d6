namespace PackGuard.Ledger;

/// <summary>What the ledger holds, counted.</summary>
/// <param name="Runs">Runs recorded.</param>
/// <param name="NearMisses">Runs with a failed verdict.</param>
/// <param name="ByControl">Runs and near misses per control (<c>scan</c>, <c>gate</c>, <c>deps</c>).</param>
/// <param name="ByContext">Runs and near misses per context (<c>local</c>, <c>ci</c>, <c>publish-hook</c>).</param>
/// <param name="ByEcosystem">Runs and near misses per ecosystem (<c>unknown</c> when the run named none).</param>
/// <param name="ByRuleFamily">Runs in which a family's rule fired, and near misses a family decided.</param>
/// <param name="TopRules">The rules that fired in most near misses (then in most runs), at most ten.</param>
/// <param name="CredentialsLeaked">Distinct credentials seen in a failed run.</param>
/// <param name="CredentialsRotated">Of those, how many were recorded as rotated since.</param>
/// <param name="FirstRun">The oldest run's time.</param>
/// <param name="LastRun">The newest run's time.</param>
public sealed record LedgerStats(
    int Runs,
    int NearMisses,
    IReadOnlyList<LedgerCount> ByControl,
    IReadOnlyList<LedgerCount> ByContext,
    IReadOnlyList<LedgerCount> ByEcosystem,
    IReadOnlyList<LedgerCount> ByRuleFamily,
    IReadOnlyList<LedgerCount> TopRules,
    int CredentialsLeaked,
    int CredentialsRotated,
    DateTimeOffset? FirstRun,
    DateTimeOffset? LastRun);

/// <summary>One row of a <see cref="LedgerStats"/> breakdown.</summary>
/// <param name="Key">The control, context, ecosystem, family or rule id.</param>
/// <param name="Runs">Runs counted under the key.</param>
/// <param name="NearMisses">Of those, near misses.</param>
public sealed record LedgerCount(string Key, int Runs, int NearMisses);
