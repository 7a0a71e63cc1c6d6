using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Dependencies.Typosquatting;
using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Dependencies.Audit;

/// <summary>
/// Judges what a project's lockfiles would install: the offline half of <c>packguard deps</c>.
/// The checks, each in its own class: <see cref="LockfileChecks"/> (<c>lockfile/*</c>: hosts,
/// transport, git and URL dependencies, hashes, names in URLs), <see cref="ConfusionChecks"/>
/// (<c>dependency/confusion</c> from the lockfile and configuration), lookalike names through
/// <see cref="TyposquatDetector"/>, and install scripts where the lockfile records them. The
/// checks only observe; policy and the verdict come afterwards, as for a scan.
/// </summary>
/// <param name="policy">What the team declares (internal names and registries, allowed hosts).</param>
/// <param name="detector">The lookalike detector (<see cref="TyposquatDetector.Default"/>).</param>
public sealed class DependencyAudit(DependencyPolicy policy, TyposquatDetector detector)
{
    /// <summary>
    /// The advisory store's matcher (<see cref="Advisories.AdvisoryStore.Match"/>), for
    /// <c>dependency/known-malicious</c>; <see langword="null"/> when no store is used.
    /// </summary>
    public Func<string, string, string?, IReadOnlyList<Advisories.AdvisoryMatch>>? Advisories { get; init; }

    /// <summary>How many records the advisory store holds, for the report.</summary>
    public int? AdvisoryRecords { get; init; }

    /// <summary>Why no advisory store is used, for the report's notes (<see langword="null"/> when one is).</summary>
    public string? AdvisoriesMissing { get; init; }

    /// <summary>Audits the files read from one target (a lockfile, or the files found in a directory).</summary>
    /// <param name="spec">The target as the user wrote it.</param>
    /// <param name="files">The files, as <see cref="LockfileReader"/> read them.</param>
    /// <param name="size">Bytes of the files, for the report.</param>
    public ScanResult Audit(string spec, IReadOnlyList<Lockfile> files, long size)
    {
        var findings = new List<Finding>();
        var notes = new List<string>();
        var sources = files.SelectMany(f => f.Sources).ToList();
        var internalNames = new InternalNames(policy, sources);
        var seenNames = new HashSet<(string, string)>();
        var seenConfusion = new HashSet<(string, string, string?)>();
        var seenVersions = new HashSet<(string, string, string?)>();
        var unrecorded = new List<string>();
        if (AdvisoriesMissing is { } missing)
            notes.Add(missing);
        foreach (var file in files)
        {
            LockfileChecks.Check(file, policy, findings);
            foreach (var dependency in file.Dependencies)
            {
                if (dependency.Kind == DependencyKind.Local)
                    continue;
                // One lookalike finding per name, at its first place: the problem is the name, not each listing.
                if (seenNames.Add((dependency.Ecosystem, dependency.Key)) && detector.Check(dependency.Ecosystem, dependency.Name) is { } match)
                    findings.Add(Typosquat(dependency, match));
                if (internalNames.Any && internalNames.Why(dependency) is { } why
                    && seenConfusion.Add((dependency.Ecosystem, dependency.Key, dependency.Version))
                    && ConfusionChecks.Check(dependency, why, file, policy) is { } confusion)
                    findings.Add(confusion);
                if (Advisories is { } matcher && seenVersions.Add((dependency.Ecosystem, dependency.Key, dependency.Version))
                    && KnownMaliciousCheck.Check(dependency, matcher) is { } malicious)
                    findings.Add(malicious);
                if (dependency.HasInstallScript == true)
                    findings.Add(InstallScript(dependency));
            }
            if (!RecordsInstallScripts(file) && file.Ecosystem == Ecosystems.Npm && file.Dependencies.Count > 0)
                unrecorded.Add(file.Path);
        }
        // Only npm lockfiles can say it at all; NuGet's and Python's formats never do.
        if (unrecorded.Count > 0)
            notes.Add($"{string.Join(", ", unrecorded)} {(unrecorded.Count == 1 ? "does" : "do")} not record which packages run install scripts.");
        var ecosystems = files.Select(f => f.Ecosystem).OfType<string>().Distinct().ToList();
        var target = new TargetInfo(spec, ecosystems.Count == 1 ? ecosystems[0] : null, null, null, null, null, size, files.Sum(f => f.Dependencies.Count));
        var summary = new DependencyAuditSummary([.. files.Select(f => new AuditedFile(f.Path, f.Format, f.FormatVersion, f.Ecosystem,
            f.Dependencies.Count, f.Dependencies.Count(d => d.Direct), f.Problems.Count))])
        {
            Notes = notes,
            AdvisoryRecords = Advisories is null ? null : AdvisoryRecords,
        };
        return new ScanResult(target, Scanner.Order(findings)) { Dependencies = summary };
    }

    private static bool RecordsInstallScripts(Lockfile file) =>
        file.Format == LockfileFormats.PackageLock && file.FormatVersion is not "1"
        || file.Format == LockfileFormats.Pnpm && file.FormatVersion is { } v && !v.StartsWith('9');

    private static Finding Typosquat(Dependency dependency, TyposquatMatch match)
    {
        var severity = match.Confidence >= 0.8 ? Severity.High : Severity.Medium;
        var popularity = match.IntendedPopularity is { } downloads
            ? $", which has {Downloads(downloads)} downloads {(dependency.Ecosystem == Ecosystems.NuGet ? "a day" : "a month")}"
            : match.IntendedRank is { } rank ? $", number {rank.ToString("N0", CultureInfo.InvariantCulture)} in downloads" : "";
        var own = match.NamePopularity is { } mine ? $"{dependency.DisplayName} has {Downloads(mine)}" + (match.IntendedPopularity is not null ? "" : " downloads") : $"{dependency.DisplayName} is not among the popular names";
        var message = $"{DependencyFindings.Label(dependency)} looks like {match.Intended} ({Technique(match.Technique)}){popularity}; {own}. "
            + $"Confidence {match.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}; {DependencyFindings.Role(dependency)}.";
        return DependencyFindings.Create(DependencyRules.Typosquat, severity, dependency, message, dependency.Key, new JsonObject
        {
            ["imitates"] = match.Intended,
            ["technique"] = match.Technique,
            ["confidence"] = Math.Round(match.Confidence, 2),
            ["imitatedPopularity"] = match.IntendedPopularity,
            ["imitatedRank"] = match.IntendedRank,
            ["popularity"] = match.NamePopularity,
        });
    }

    private static string Downloads(long count) => count switch
    {
        >= 1_000_000_000 => (count / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "G",
        >= 1_000_000 => (count / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (count / 1e3).ToString("0", CultureInfo.InvariantCulture) + "k",
        _ => count.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string Technique(string technique) => technique switch
    {
        SquatTechnique.Homoglyph => "letters that look alike",
        SquatTechnique.Separator => "a separator added, dropped or changed",
        SquatTechnique.Scope => "a scope dropped, added or imitated",
        SquatTechnique.Transposition => "two letters swapped",
        SquatTechnique.RepeatedLetters => "a doubled letter added or dropped",
        SquatTechnique.EditDistance => "a letter or two changed",
        SquatTechnique.Combosquat => "a filler word added",
        SquatTechnique.NuGetPrefix => "a near ID under a prefix only its owner may publish to",
        SquatTechnique.NuGetSuffix => "a segment added to or dropped from a popular ID",
        _ => technique,
    };

    private static Finding InstallScript(Dependency dependency) =>
        DependencyFindings.Create(DependencyRules.InstallScript, Severity.Info, dependency,
            $"{DependencyFindings.Label(dependency)} runs an install script; {DependencyFindings.Role(dependency)}.",
            $"{dependency.Key}@{dependency.Version}");
}
