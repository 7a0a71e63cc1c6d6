namespace PackGuard.Inspectors.Secrets;

/// <summary>How sure PackGuard is that a match is a real credential, lowest first.</summary>
public enum Confidence
{
    /// <summary>A keyword and a plausible value; often a false alarm.</summary>
    Low,

    /// <summary>A keyword and a high-entropy value of the provider's shape.</summary>
    Medium,

    /// <summary>A distinctive prefixed format that little else produces.</summary>
    High,

    /// <summary>An offline checksum or structure check passed.</summary>
    Validated,
}

/// <summary>Names of confidence levels as reports write them.</summary>
public static class ConfidenceNames
{
    /// <summary>The lower-case name used in JSON and SARIF.</summary>
    public static string ToName(this Confidence confidence) => confidence switch
    {
        Confidence.Validated => "validated",
        Confidence.High => "high",
        Confidence.Medium => "medium",
        _ => "low",
    };
}
