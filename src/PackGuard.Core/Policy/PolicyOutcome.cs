using PackGuard.Findings;

namespace PackGuard.Policy;

/// <summary>A finding an active suppression hid from the verdict, and the suppression that hid it.</summary>
public sealed record SuppressedFinding(Finding Finding, Suppression Suppression);

/// <summary>A suppression past its expiry, and how many of this report's findings it would still have hidden.</summary>
public sealed record ExpiredSuppression(Suppression Suppression, int Matched);

/// <summary>
/// What the policy did to a report's findings besides severities: which files decided it, and what
/// the excludes, the baseline and the suppressions took out of the verdict. Reports print it so
/// that nothing is hidden silently.
/// </summary>
/// <param name="Config">The policy file as reports name it, or null for the defaults.</param>
/// <param name="Baseline">The baseline file as given, or null when there is none.</param>
/// <param name="Excluded">Findings dropped because their path matched <c>excludes</c>.</param>
/// <param name="Baselined">Findings dropped because their fingerprint is in the baseline.</param>
/// <param name="Suppressed">Findings an active suppression hid.</param>
/// <param name="Expired">The policy's expired suppressions, which no longer hide anything.</param>
public sealed record PolicyOutcome(
    string? Config,
    string? Baseline,
    int Excluded,
    int Baselined,
    IReadOnlyList<SuppressedFinding> Suppressed,
    IReadOnlyList<ExpiredSuppression> Expired)
{
    /// <summary>No policy file, baseline or suppression.</summary>
    public static PolicyOutcome None { get; } = new(null, null, 0, 0, [], []);
}
