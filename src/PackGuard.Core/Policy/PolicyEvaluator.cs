using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Policy;

/// <summary>
/// Turns what a scan observed into a report: the policy file's rule settings and excludes, then
/// the baseline (findings already known), then the suppressions (findings people accepted for a
/// while), then the verdict. Everything taken out of the verdict is counted or listed in the
/// report's <see cref="PolicyOutcome"/>.
/// </summary>
/// <param name="config">The policy.</param>
/// <param name="baseline">Fingerprints recorded by <c>packguard baseline create</c>, or null.</param>
/// <param name="today">The UTC date suppression expiries are judged against (the host's clock).</param>
public sealed class PolicyEvaluator(PolicyConfig config, Baseline? baseline, DateOnly today)
{
    /// <summary>The policy.</summary>
    public PolicyConfig Config => config;

    /// <summary>Rule settings and excludes only: for scans that are compared before they are judged (diff, gate).</summary>
    public ScanResult Prepare(ScanResult result) => config.Apply(result);

    /// <summary>Applies the whole policy to <paramref name="result"/> and decides the verdict at <paramref name="failOn"/>.</summary>
    public ScanReport Evaluate(ScanResult result, FailThreshold failOn)
    {
        var applied = config.Apply(result, out var excluded);
        var kept = new List<Finding>(applied.Findings.Count);
        var suppressed = new List<SuppressedFinding>();
        var expired = config.Suppressions.Where(s => s.IsExpired(today)).ToDictionary(s => s, _ => 0);
        var baselined = 0;
        foreach (var finding in applied.Findings)
        {
            if (baseline is not null && baseline.Contains(finding.Fingerprint))
            {
                baselined++;
                continue;
            }
            if (ActiveSuppression(finding) is { } suppression)
            {
                suppressed.Add(new SuppressedFinding(finding, suppression));
                continue;
            }
            foreach (var stale in expired.Keys.Where(s => s.Matches(finding)).ToList())
                expired[stale]++;
            kept.Add(finding);
        }
        var outcome = new PolicyOutcome(
            config.Source,
            baseline?.Source,
            excluded,
            baselined,
            suppressed,
            [.. expired.Select(e => new ExpiredSuppression(e.Key, e.Value)).OrderBy(e => e.Suppression.Index)]);
        return VerdictPolicy.Evaluate(applied with { Findings = kept }, failOn) with { Policy = outcome };
    }

    private Suppression? ActiveSuppression(Finding finding)
    {
        foreach (var suppression in config.Suppressions)
        {
            if (!suppression.IsExpired(today) && suppression.Matches(finding))
                return suppression;
        }
        return null;
    }
}
