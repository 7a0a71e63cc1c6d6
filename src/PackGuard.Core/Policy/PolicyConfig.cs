using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Policy;

/// <summary>What a user may change about a rule.</summary>
/// <param name="Enabled">Whether findings of the rule are kept.</param>
/// <param name="Severity">A severity that replaces the one the inspector chose.</param>
public sealed record RuleSetting(bool Enabled = true, Severity? Severity = null);

/// <summary>
/// The policy a team configures (<c>--config FILE</c>): the fail level, the walker's limits,
/// per-rule severities, and what the team declares about itself (codenames). Inspectors never see
/// the policy; it is applied to their findings afterwards. Only the declarations
/// (<see cref="Exposure"/>) are handed to the inspector that looks for them.
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

    /// <summary>What the team declares about its internal surface (<c>exposure.codenames</c>).</summary>
    public Inspectors.Exposure.ExposureOptions Exposure { get; init; } = Inspectors.Exposure.ExposureOptions.Default;

    /// <summary>What the team declares about where dependencies come from (<c>deps</c>), for <c>packguard deps</c>.</summary>
    public Dependencies.Audit.DependencyPolicy Dependencies { get; init; } = PackGuard.Dependencies.Audit.DependencyPolicy.Default;

    /// <summary>Glob patterns over finding paths (<c>excludes</c>); findings at matching paths are dropped before the verdict and counted.</summary>
    public IReadOnlyList<PathGlob> Excludes { get; init; } = [];

    /// <summary>Accepted findings, each with a reason, an approver and an expiry (<c>suppressions</c>).</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>How many days ahead a suppression may expire (<c>suppressionMaxDays</c>, default 90).</summary>
    public int SuppressionMaxDays { get; init; } = SuppressionLoader.DefaultMaxDays;

    /// <summary>The ledger runs are recorded in (<c>ledger</c>): a PostgreSQL URL, an SQLite file or <c>off</c>; <c>--ledger</c> and <c>PACKGUARD_LEDGER</c> win over it.</summary>
    public string? Ledger { get; init; }

    /// <summary>The policy file as reports name it (relative to the working directory when it is near), or null for the defaults.</summary>
    public string? Source { get; init; }

    /// <summary>The configuration used when no file is given.</summary>
    public static PolicyConfig Default { get; } = new();

    /// <summary>
    /// Drops disabled rules' findings and findings at excluded paths, and applies severity
    /// overrides: what a team has said it never wants to see. (Baseline and suppressions are
    /// applied later, by <see cref="PolicyEvaluator"/>, because reports list what they hid.)
    /// </summary>
    public ScanResult Apply(ScanResult result) => Apply(result, out _);

    /// <summary>As <see cref="Apply(ScanResult)"/>; <paramref name="excluded"/> counts the findings the excludes dropped.</summary>
    public ScanResult Apply(ScanResult result, out int excluded)
    {
        excluded = 0;
        if (Rules.Count == 0 && Excludes.Count == 0)
            return result;
        var kept = new List<Finding>();
        foreach (var finding in result.Findings)
        {
            if (IsExcluded(finding.Location.Path))
            {
                excluded++;
                continue;
            }
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

    /// <summary>Whether <paramref name="path"/> matches one of the <see cref="Excludes"/>.</summary>
    public bool IsExcluded(string path)
    {
        foreach (var glob in Excludes)
        {
            if (glob.IsMatch(path))
                return true;
        }
        return false;
    }
}

/// <summary>A configuration file or option is wrong. The CLI prints the message and exits with code 2.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
