using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Policy;

/// <summary>Decides the verdict of a scan. Inspectors only observe; this is where observation becomes a decision.</summary>
public static class VerdictPolicy
{
    /// <summary>Applies <paramref name="failOn"/> to <paramref name="result"/>.</summary>
    public static ScanReport Evaluate(ScanResult result, FailThreshold failOn)
    {
        var summary = SeverityNames.MostSevereFirst.ToDictionary(s => s, _ => 0);
        foreach (var finding in result.Findings)
            summary[finding.Severity]++;
        var verdict = result.Findings.Any(f => failOn.Fails(f.Severity)) ? Verdict.Fail : Verdict.Pass;
        return new ScanReport(result, verdict, failOn, summary);
    }
}
