using PackGuard.Findings;

namespace PackGuard.Policy;

/// <summary>
/// The <c>--fail-on</c> level: the verdict fails when any finding is at or above it. <c>none</c>
/// never fails.
/// </summary>
public readonly record struct FailThreshold(Severity? Minimum)
{
    /// <summary>The default, <c>high</c>.</summary>
    public static FailThreshold Default => new(Severity.High);

    /// <summary>Never fail.</summary>
    public static FailThreshold None => new(null);

    /// <summary>The name as written on the command line and in reports.</summary>
    public string Name => Minimum?.ToName() ?? "none";

    /// <summary>Whether a finding of this severity fails the verdict.</summary>
    public bool Fails(Severity severity) => Minimum is { } min && severity >= min;

    /// <summary>Parses <c>critical|high|medium|low|info|none</c>.</summary>
    public static bool TryParse(string? text, out FailThreshold threshold)
    {
        if (string.Equals(text?.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            threshold = None;
            return true;
        }
        var ok = SeverityNames.TryParse(text, out var severity);
        threshold = ok ? new FailThreshold(severity) : default;
        return ok;
    }
}
