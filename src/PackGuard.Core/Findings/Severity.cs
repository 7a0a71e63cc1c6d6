namespace PackGuard.Findings;

/// <summary>How much a finding matters, lowest first so that comparisons read naturally.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>Names of severities as they appear in reports and on the command line.</summary>
public static class SeverityNames
{
    /// <summary>The lower-case name used in JSON, SARIF properties and <c>--fail-on</c>.</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>Parses a lower- or mixed-case severity name.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "info": severity = Severity.Info; return true;
            case "low": severity = Severity.Low; return true;
            case "medium": severity = Severity.Medium; return true;
            case "high": severity = Severity.High; return true;
            case "critical": severity = Severity.Critical; return true;
            default: severity = default; return false;
        }
    }

    /// <summary>All severities, most severe first (the order reports list them in).</summary>
    public static IReadOnlyList<Severity> MostSevereFirst { get; } =
        [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info];
}
