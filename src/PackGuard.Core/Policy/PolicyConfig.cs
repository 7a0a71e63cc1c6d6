using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Policy;

/// <summary>What a user may change about a rule.</summary>
/// <param name="Enabled">Whether findings of the rule are kept.</param>
/// <param name="Severity">A severity that replaces the one the inspector chose.</param>
public sealed record RuleSetting(bool Enabled = true, Severity? Severity = null);

/// <summary>
/// The policy a team configures (<c>--config FILE</c>): the fail level, the walker's limits, and
/// per-rule severities. Inspectors never see it; it is applied to their findings afterwards.
/// </summary>
public sealed record PolicyConfig
{
    /// <summary>The fail level; the command line's <c>--fail-on</c> wins over it.</summary>
    public FailThreshold? FailOn { get; init; }

    /// <summary>Archive limits.</summary>
    public ArtifactLimits Limits { get; init; } = ArtifactLimits.Default;

    /// <summary>Per-rule settings by rule id.</summary>
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>();

    /// <summary>How young a release may be before <c>packguard gate</c> reports it (<c>gate.cooldown</c>); null for the default.</summary>
    public TimeSpan? GateCooldown { get; init; }

    /// <summary>The configuration used when no file is given.</summary>
    public static PolicyConfig Default { get; } = new();

    /// <summary>Drops disabled rules' findings and applies severity overrides.</summary>
    public ScanResult Apply(ScanResult result)
    {
        if (Rules.Count == 0)
            return result;
        var kept = new List<Finding>();
        foreach (var finding in result.Findings)
        {
            if (!Rules.TryGetValue(finding.RuleId, out var setting))
            {
                kept.Add(finding);
                continue;
            }
            if (!setting.Enabled)
                continue;
            kept.Add(setting.Severity is { } severity ? finding with { Severity = severity } : finding);
        }
        return result with { Findings = Scanner.Order(kept) };
    }
}

/// <summary>A configuration file or option is wrong. The CLI prints the message and exits with code 2.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
