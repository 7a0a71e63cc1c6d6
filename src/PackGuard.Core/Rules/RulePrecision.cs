namespace PackGuard.Rules;

/// <summary>
/// How often a rule's findings are true positives. Code-scanning consumers (GitHub's among them)
/// read it from SARIF to rank and filter alerts, so a heuristic rule should not claim the
/// certainty of an exact match.
/// </summary>
public enum RulePrecision
{
    /// <summary>Exact or validated detection; false positives are bugs.</summary>
    VeryHigh,

    /// <summary>Few false positives.</summary>
    High,

    /// <summary>Some false positives; context decides.</summary>
    Medium,

    /// <summary>A hint that often needs a human to confirm it.</summary>
    Low,
}
