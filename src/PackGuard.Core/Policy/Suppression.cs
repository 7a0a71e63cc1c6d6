namespace PackGuard.Policy;

/// <summary>
/// A human decision to accept a finding for a while: it names one finding by fingerprint, or a rule
/// (optionally at paths), and says why, who approved it and until when. It suppresses through the
/// end of its <see cref="Expires"/> day (UTC); after that it stops suppressing and reports say so.
/// </summary>
/// <param name="Index">Its position in the policy file's <c>suppressions</c> array, as error messages and reports name it.</param>
/// <param name="Fingerprint">The one finding it accepts; null when it names a rule.</param>
/// <param name="Rule">The rule whose findings it accepts; null when it names a fingerprint.</param>
/// <param name="Path">Limits a rule suppression to findings at matching paths; null for every path.</param>
/// <param name="Reason">Why the finding is acceptable.</param>
/// <param name="ApprovedBy">Who accepted it.</param>
/// <param name="Expires">The last day it suppresses.</param>
public sealed record Suppression(
    int Index,
    string? Fingerprint,
    string? Rule,
    PathGlob? Path,
    string Reason,
    string ApprovedBy,
    DateOnly Expires)
{
    /// <summary>Whether it no longer suppresses on <paramref name="today"/>.</summary>
    public bool IsExpired(DateOnly today) => today > Expires;

    /// <summary>Whether it names <paramref name="finding"/> (expired or not).</summary>
    public bool Matches(Findings.Finding finding) =>
        Fingerprint is not null
            ? string.Equals(Fingerprint, finding.Fingerprint, StringComparison.Ordinal)
            : string.Equals(Rule, finding.RuleId, StringComparison.Ordinal) && (Path is null || Path.IsMatch(finding.Location.Path));

    /// <summary>What it names, for reports: the fingerprint, or the rule and path.</summary>
    public string Describe() => Fingerprint is not null
        ? $"fingerprint {Fingerprint}"
        : Path is null ? Rule! : $"{Rule} at {Path.Pattern}";
}
