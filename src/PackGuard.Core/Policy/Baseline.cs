using PackGuard.Findings;

namespace PackGuard.Policy;

/// <summary>One finding recorded in a baseline: enough to recognise it and for a person to read the file, never a secret's value.</summary>
/// <param name="Fingerprint">What later scans are matched on.</param>
/// <param name="RuleId">The rule that found it.</param>
/// <param name="Path">Where it was found.</param>
/// <param name="Severity">Its severity when it was recorded.</param>
/// <param name="Date">The UTC day it was recorded.</param>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Path, Severity Severity, DateOnly Date);

/// <summary>
/// The findings a team knew about on the day it adopted PackGuard (<c>packguard baseline create</c>).
/// Scans given <c>--baseline</c> report only findings whose fingerprint is not in it, so the gate
/// holds the line on new problems while the old ones are worked off.
/// </summary>
public sealed class Baseline
{
    private readonly HashSet<string> _fingerprints;

    /// <summary>Creates a baseline of <paramref name="entries"/>.</summary>
    public Baseline(IReadOnlyList<BaselineEntry> entries, DateTimeOffset created, IReadOnlyList<string> targets)
    {
        Entries = entries;
        Created = created;
        Targets = targets;
        _fingerprints = new HashSet<string>(entries.Select(e => e.Fingerprint), StringComparer.Ordinal);
    }

    /// <summary>The recorded findings.</summary>
    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The targets scanned to make it, as written.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>The file as reports name it; null for one built in memory.</summary>
    public string? Source { get; init; }

    /// <summary>Whether a finding with <paramref name="fingerprint"/> was recorded.</summary>
    public bool Contains(string fingerprint) => _fingerprints.Contains(fingerprint);

    /// <summary>
    /// A baseline of the findings in <paramref name="reports"/>. Findings a suppression hides are
    /// left out: when the suppression expires they must come back, not stay hidden by the baseline.
    /// </summary>
    public static Baseline From(IEnumerable<ScanReport> reports, IReadOnlyList<string> targets, DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var entries = new List<BaselineEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in reports.SelectMany(r => r.Result.Findings))
        {
            if (seen.Add(finding.Fingerprint))
                entries.Add(new BaselineEntry(finding.Fingerprint, finding.RuleId, finding.Location.Path, finding.Severity, day));
        }
        return new Baseline(entries, now, targets);
    }
}
