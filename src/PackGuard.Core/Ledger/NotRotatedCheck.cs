using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Ledger;

/// <summary>
/// Adds <c>credential/not-rotated</c> to a result: every secret finding whose credential fingerprint
/// the ledger has seen in an earlier blocked run, with no rotation recorded since.
/// </summary>
public static class NotRotatedCheck
{
    /// <summary>
    /// The result with a <c>credential/not-rotated</c> finding beside each such secret finding. Call it
    /// before the run itself is recorded, or the run would find its own credentials.
    /// </summary>
    public static ScanResult AddTo(ScanResult result, ILedger ledger)
    {
        var secrets = result.Findings
            .Select(f => (Finding: f, Key: LedgerFinding.From(f).SecretFingerprint))
            .Where(s => s.Key is { Length: > 0 })
            .ToList();
        if (secrets.Count == 0)
            return result;
        var leaked = ledger.Leaked(secrets.Select(s => s.Key!).Distinct()).ToDictionary(l => l.SecretFingerprint, StringComparer.Ordinal);
        if (leaked.Count == 0)
            return result;
        var added = new List<Finding>();
        foreach (var (finding, key) in secrets)
        {
            if (!leaked.TryGetValue(key!, out var first))
                continue;
            var rule = CredentialRules.NotRotated;
            var when = first.FirstSeen.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            added.Add(new Finding(rule.Id, Severity.Critical, rule.Title,
                $"The {finding.Properties["secretType"]?.GetValue<string>() ?? "credential"} found here ({finding.RuleId}) was already caught on {when} in a blocked run of {first.FirstSeenTarget}, "
                + $"and no rotation was recorded since: it is still in use. Fingerprint {key}.",
                finding.Location,
                Fingerprint.Compute(rule.Id, finding.Location.Path, key),
                new JsonObject
                {
                    ["secretFingerprint"] = key,
                    ["secretRuleId"] = finding.RuleId,
                    ["firstSeen"] = first.FirstSeen.ToString("O", CultureInfo.InvariantCulture),
                    ["firstSeenTarget"] = first.FirstSeenTarget,
                })
            {
                Fix = rule.HowToFix.Replace("<fingerprint>", key, StringComparison.Ordinal),
            });
        }
        return result with { Findings = Scanner.Order([.. result.Findings, .. added]) };
    }
}
