using System.Text.Json.Nodes;

namespace PackGuard.Findings;

/// <summary>
/// One observation about an artifact. Inspectors create findings; policy decides what they mean
/// for the verdict; report writers print them without recomputing anything.
/// </summary>
/// <param name="RuleId">Stable <c>family/specific</c> identifier with a catalog entry.</param>
/// <param name="Severity">Severity after context (licence, repository) was taken into account.</param>
/// <param name="Title">One line, the same for every finding of the rule.</param>
/// <param name="Message">What was observed here, with the measured figures, and how to fix it.</param>
/// <param name="Location">Where it was observed.</param>
/// <param name="Fingerprint">Stable across runs and machines; used by baselines and the ledger.</param>
/// <param name="Properties">The measured figures, as they appear in the JSON report.</param>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string Title,
    string Message,
    FindingLocation Location,
    string Fingerprint,
    JsonObject Properties)
{
    /// <summary>Short remediation for this finding, in the package's own toolchain's terms.</summary>
    public string? Fix { get; init; }
}
