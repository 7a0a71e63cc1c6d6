using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Reports;

/// <summary>
/// How PackGuard's severities read in SARIF. SARIF itself has only three result levels, so the
/// finer scale travels as <c>security-severity</c>, a CVSS-like score that code-scanning tools
/// (GitHub's among them) turn back into critical (≥ 9.0), high (7.0–8.9), medium (4.0–6.9) and
/// low (0.1–3.9). Each score sits inside its band, away from the edges.
/// </summary>
internal static class SarifSeverity
{
    /// <summary>critical and high → <c>error</c>, medium → <c>warning</c>, low and info → <c>note</c>.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        Severity.Low or Severity.Info => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>critical 9.5, high 8.0, medium 5.5, low 3.0, info 0.0 (a number, written as a string as consumers expect).</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        Severity.Info => "0.0",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>The <c>precision</c> values code-scanning tools understand.</summary>
    public static string Precision(RulePrecision precision) => precision switch
    {
        RulePrecision.VeryHigh => "very-high",
        RulePrecision.High => "high",
        RulePrecision.Medium => "medium",
        RulePrecision.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };
}
