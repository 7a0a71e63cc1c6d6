using System.Text.Json.Nodes;
using PackGuard.Dependencies.Advisories;
using PackGuard.Findings;

namespace PackGuard.Dependencies.Audit;

/// <summary>
/// <c>dependency/known-malicious</c>: a package whose name and version an imported OSV record of a
/// malicious package (a <c>MAL-*</c> record of the public malicious-packages database, or any record
/// marked malicious) covers. Ordinary vulnerability records in the store are not reported here.
/// </summary>
internal static class KnownMaliciousCheck
{
    /// <summary>The finding for <paramref name="dependency"/>, or <see langword="null"/> when no malicious record covers it.</summary>
    public static Finding? Check(Dependency dependency, Func<string, string, string?, IReadOnlyList<AdvisoryMatch>> match)
    {
        // A database's own ids first: MAL-0000-... are placeholders awaiting one.
        var records = match(dependency.Ecosystem, dependency.Name, dependency.Version).Where(m => m.Malicious)
            .OrderBy(m => m.Id.StartsWith("MAL-0000-", StringComparison.Ordinal)).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (records.Count == 0)
            return null;
        var first = records[0];
        var version = dependency.Version is null ? $"{dependency.DisplayName} (any version: {dependency.Requested ?? "no version pinned"})" : DependencyFindings.Label(dependency);
        var others = records.Count > 1 ? $" (and {string.Join(", ", records.Skip(1).Select(r => r.Id))})" : "";
        var summary = first.Summary.Length > 0 ? $": {first.Summary.TrimEnd('.')}" : "";
        return DependencyFindings.Create(DependencyRules.KnownMalicious, Severity.Critical, dependency,
            $"{version} is a known malicious package according to {first.Id}{others}{summary}. Affected: {first.AffectedVersions}; {DependencyFindings.Role(dependency)}.",
            $"{dependency.Key}@{dependency.Version}",
            new JsonObject
            {
                ["advisories"] = new JsonArray([.. records.Select(r => (JsonNode)r.Id)]),
                ["aliases"] = new JsonArray([.. records.SelectMany(r => r.Aliases).Distinct().Select(a => (JsonNode)a)]),
                ["affectedVersions"] = first.AffectedVersions,
                ["published"] = first.Published?.ToString("O"),
            });
    }
}
