using PackGuard.Findings;

namespace PackGuard.Ledger;

/// <summary>One finding of a run, as the ledger keeps it: never a message, a preview or a secret.</summary>
/// <param name="RuleId">The rule, <c>family/specific</c>.</param>
/// <param name="Severity">The severity after policy (<c>critical</c> ... <c>info</c>).</param>
/// <param name="Fingerprint">The finding's fingerprint.</param>
/// <param name="SecretFingerprint">For <c>secret/*</c> findings, the credential's keyed hash (the finding's <c>secretFingerprint</c> property); else <see langword="null"/>.</param>
/// <param name="Path">Where the finding was (entry path or lockfile).</param>
public sealed record LedgerFinding(string RuleId, string Severity, string Fingerprint, string? SecretFingerprint, string Path)
{
    /// <summary>The finding property that carries a credential's keyed hash.</summary>
    public const string SecretFingerprintProperty = "secretFingerprint";

    /// <summary>The family of the rule: what comes before the first <c>/</c>.</summary>
    public string RuleFamily => RuleFamilies.Of(RuleId);

    /// <summary>
    /// What the ledger keeps of <paramref name="finding"/>. Only a <c>secret/</c> finding's
    /// <c>secretFingerprint</c> property is taken: the keyed hash, never the secret or its preview.
    /// </summary>
    public static LedgerFinding From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        string? secret = null;
        // A gate reports a secret new in the release as diff/new-finding, with the secret rule in its properties.
        var secretRule = finding.RuleId == "diff/new-finding" && finding.Properties["ruleId"] is System.Text.Json.Nodes.JsonValue inner
            && inner.TryGetValue<string>(out var innerRule) ? innerRule : finding.RuleId;
        if (secretRule.StartsWith("secret/", StringComparison.Ordinal) &&
            finding.Properties.TryGetPropertyValue(SecretFingerprintProperty, out var node) &&
            node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            secret = text;
        return new LedgerFinding(finding.RuleId, finding.Severity.ToName(), finding.Fingerprint, secret, finding.Location.Path);
    }
}
