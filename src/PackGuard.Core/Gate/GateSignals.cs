using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Gate;

/// <summary>
/// The registry signals of a release (<see cref="GateRules"/>): who published it, provenance,
/// maintainers and age, each compared with the previous releases of its <see cref="ReleaseHistory"/>.
/// </summary>
public static class GateSignals
{
    /// <summary>Where npm findings point: the package manifest, since they are about the release itself.</summary>
    public const string Location = "package/package.json";

    /// <summary>Where NuGet findings point: the package signature, which is where PackGuard read them.</summary>
    public const string NuGetLocation = ".signature.p7s";

    /// <summary>The findings for <paramref name="version"/> compared with up to <paramref name="history"/> previous releases.</summary>
    public static List<Finding> Evaluate(ReleaseHistory releases, string version, int history, DateTimeOffset now, TimeSpan cooldown)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var findings = new List<Finding>();
        if (releases.Find(version) is not { } release)
            return findings;
        var label = $"{releases.Name}@{version}";
        var nuget = releases.Registry == ReleaseRegistry.NuGet;
        var where = nuget ? NuGetLocation : Location;
        var previous = releases.Previous(version, history);
        var publishers = previous.Select(p => p.Publisher).OfType<string>().ToHashSet(StringComparer.Ordinal);

        if (release.Publisher is { } publisher && publishers.Count > 0 && !publishers.Contains(publisher))
        {
            var usual = string.Join(", ", previous.Select(p => p.Publisher).OfType<string>().GroupBy(p => p).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(3));
            findings.Add(Make(GateRules.NewPublisherRule, Severity.High,
                nuget
                    ? $"{label} is author-signed by {publisher}, who signed none of the previous {Releases(previous.Count)} (signed by {usual})."
                    : $"{label} was published by {publisher}, who published none of the previous {Releases(previous.Count)} (published by {usual}).",
                publisher, new JsonObject { ["publisher"] = publisher, ["previousPublishers"] = new JsonArray([.. publishers.Order(StringComparer.Ordinal).Select(p => (JsonNode)p)]) }, where));
        }

        if (previous.Count > 0 && previous[0].Attested && !release.Attested)
        {
            var attested = previous.Count(p => p.Attested);
            findings.Add(Make(GateRules.ProvenanceLostRule, Severity.High,
                nuget
                    ? $"{label} has no author signature, and {releases.Name}@{previous[0].Version} was author-signed by {previous[0].Publisher} ({attested} of the previous {Releases(previous.Count)} were)."
                    : $"{label} has no provenance attestation, and {releases.Name}@{previous[0].Version} had one ({attested} of the previous {Releases(previous.Count)} did).",
                null, new JsonObject { ["previousVersion"] = previous[0].Version, ["attestedPrevious"] = attested }, where));
        }

        if (previous.Count > 0 && release.Maintainers.Count > 0 && previous[0].Maintainers.Count > 0
            && !release.Maintainers.SequenceEqual(previous[0].Maintainers, StringComparer.Ordinal))
        {
            var added = release.Maintainers.Except(previous[0].Maintainers, StringComparer.Ordinal).ToList();
            var removed = previous[0].Maintainers.Except(release.Maintainers, StringComparer.Ordinal).ToList();
            var parts = new List<string>();
            if (added.Count > 0)
                parts.Add($"added {string.Join(", ", added)}");
            if (removed.Count > 0)
                parts.Add($"removed {string.Join(", ", removed)}");
            findings.Add(Make(GateRules.MaintainersChangedRule, Severity.Medium,
                nuget
                    ? $"The owners the repository recorded when it signed {label} differ from those of {previous[0].Version}: {string.Join("; ", parts)}."
                    : $"The maintainers of {label} differ from those of {previous[0].Version}: {string.Join("; ", parts)}.",
                string.Join(",", release.Maintainers), new JsonObject
                {
                    ["added"] = new JsonArray([.. added.Select(a => (JsonNode)a)]), ["removed"] = new JsonArray([.. removed.Select(r => (JsonNode)r)]),
                }, where));
        }

        if (release.Published is { } published && now - published < cooldown)
        {
            var age = now - published;
            findings.Add(Make(GateRules.TooNewRule, Severity.Medium,
                $"{label} was published {Duration(age)} ago ({published.UtcDateTime:yyyy-MM-dd HH:mm} UTC), less than the cooldown of {Duration(cooldown)}.",
                null, new JsonObject { ["published"] = published.UtcDateTime.ToString("o", CultureInfo.InvariantCulture), ["ageHours"] = Math.Round(age.TotalHours, 1), ["cooldownHours"] = cooldown.TotalHours }, where));
        }
        return findings;
    }

    /// <summary>The diff result with the signals added, in the report's usual order.</summary>
    public static ScanResult AddTo(ScanResult diff, IEnumerable<Finding> signals)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return diff with { Findings = Scanner.Order([.. diff.Findings, .. signals]) };
    }

    /// <summary>"1 release" or "N releases".</summary>
    public static string Releases(int count) => count == 1 ? "release" : $"{count} releases";

    /// <summary>A duration in the largest unit that reads naturally: 90 minutes, 30 hours, 3 days.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 120 } => $"{Math.Max(0, (int)span.TotalMinutes)} minutes",
        { TotalHours: < 72 } => $"{(int)span.TotalHours} hours",
        _ => $"{(int)span.TotalDays} days",
    };

    private static Finding Make(Rules.RuleDescriptor rule, Severity severity, string message, string? discriminator, JsonObject properties, string location) =>
        new(rule.Id, severity, rule.Title, message, new FindingLocation(location), Fingerprint.Compute(rule.Id, location, discriminator), properties)
        {
            Fix = rule.HowToFix,
        };
}
