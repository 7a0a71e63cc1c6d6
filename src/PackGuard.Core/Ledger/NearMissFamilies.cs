using PackGuard.Findings;

namespace PackGuard.Ledger;

/// <summary>Which rule families decided a failed verdict, and how severe each one's worst finding was.</summary>
internal static class NearMissFamilies
{
    /// <summary>The family a near miss counts under when no finding explains it.</summary>
    public const string Unexplained = "other";

    /// <summary>
    /// The families of the findings at or above the run's fail-on level. When none reaches it (the
    /// level is <c>none</c> or unknown, or policy failed the run for another reason) every
    /// family found counts; a failed run without findings counts once, as <see cref="Unexplained"/>.
    /// </summary>
    public static IReadOnlyList<(string Family, Severity Severity)> Deciding(LedgerRun run)
    {
        var findings = run.Findings.Select(f => (f.RuleFamily, Severity: SeverityNames.TryParse(f.Severity, out var s) ? s : Severity.Info)).ToList();
        if (SeverityNames.TryParse(run.FailOn, out var failOn) && findings.Any(f => f.Severity >= failOn))
            findings = [.. findings.Where(f => f.Severity >= failOn)];
        if (findings.Count == 0)
            return [(Unexplained, Severity.Info)];
        return [.. findings
            .GroupBy(f => f.RuleFamily, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Max(f => f.Severity)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)];
    }
}
