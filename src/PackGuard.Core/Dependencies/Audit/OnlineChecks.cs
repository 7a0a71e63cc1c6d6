using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Dependencies.Online;
using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Dependencies.Audit;

/// <summary>
/// The <c>--online</c> half of <c>packguard deps</c>: what the public registries answer about the
/// lockfiles' packages (<see cref="RegistryLookups"/>). An internal name that exists publicly, or
/// that nobody has claimed (<c>dependency/confusion</c>), and a version younger than the cooldown
/// (<c>dependency/too-new</c>).
/// </summary>
public static class OnlineChecks
{
    /// <summary>What to ask the registries: every registry package of the files, by name, with the versions the files pin.</summary>
    public static IReadOnlyList<(string Ecosystem, string Name, IReadOnlyCollection<string> Versions)> Plan(IReadOnlyList<Lockfile> files)
    {
        var byName = new Dictionary<(string, string), (string Name, HashSet<string> Versions)>();
        foreach (var dependency in files.SelectMany(f => f.Dependencies))
        {
            if (dependency.Kind != DependencyKind.Registry || dependency.Bundled)
                continue;
            var key = (dependency.Ecosystem, dependency.Key);
            if (!byName.TryGetValue(key, out var entry))
                byName[key] = entry = (dependency.Name, new HashSet<string>(StringComparer.Ordinal));
            if (dependency.Version is { } version)
                entry.Versions.Add(version);
        }
        return [.. byName.Select(p => (p.Key.Item1, p.Value.Name, (IReadOnlyCollection<string>)p.Value.Versions))];
    }

    /// <summary>Adds the findings the registries' answers give to an offline audit's result.</summary>
    /// <param name="result">The offline audit of <paramref name="files"/>.</param>
    /// <param name="files">The files audited.</param>
    /// <param name="answers">The registries' answers, one per planned name.</param>
    /// <param name="policy">The policy (internal names, cooldown).</param>
    /// <param name="now">The time the look-ups ran.</param>
    public static ScanResult AddTo(ScanResult result, IReadOnlyList<Lockfile> files, IReadOnlyList<RegistryPackage> answers, DependencyPolicy policy, DateTimeOffset now)
    {
        var byName = new Dictionary<(string, string), RegistryPackage>();
        foreach (var answer in answers)
            byName.TryAdd((answer.Ecosystem, PackageNames.Key(answer.Ecosystem, answer.Name)), answer);
        var internalNames = new InternalNames(policy, files.SelectMany(f => f.Sources));
        // An internal name already reported as fetched from a public registry needs no second finding.
        var fromPublic = result.Findings.Where(f => f.RuleId == DependencyRules.Confusion.Id && (string?)f.Properties["confusion"] == "resolved-from-public")
            .Select(f => ((string?)f.Properties["ecosystem"], (string?)f.Properties["package"])).ToHashSet();
        var findings = new List<Finding>(result.Findings);
        var seenNames = new HashSet<(string, string)>();
        var seenVersions = new HashSet<(string, string, string)>();
        foreach (var dependency in files.SelectMany(f => f.Dependencies))
        {
            if (dependency.Kind != DependencyKind.Registry || !byName.TryGetValue((dependency.Ecosystem, dependency.Key), out var answer))
                continue;
            if (internalNames.Any && internalNames.Why(dependency) is { } why && seenNames.Add((dependency.Ecosystem, dependency.Key))
                && !fromPublic.Contains((dependency.Ecosystem, dependency.Name)) && Confusion(dependency, why, answer) is { } confusion)
                findings.Add(confusion);
            if (dependency.Version is { } version && answer.Published.TryGetValue(version, out var published)
                && now - published < policy.Cooldown && seenVersions.Add((dependency.Ecosystem, dependency.Key, version)))
                findings.Add(TooNew(dependency, published, now, policy.Cooldown, answer));
        }
        var failed = answers.Where(a => a.Presence == RegistryPresence.Unknown).ToList();
        var notes = result.Dependencies?.Notes.ToList() ?? [];
        if (failed.Count > 0)
        {
            var first = failed[0];
            notes.Add($"{failed.Count.ToString("N0", CultureInfo.InvariantCulture)} of {answers.Count.ToString("N0", CultureInfo.InvariantCulture)} registry look-ups failed, so their packages were not checked online (first: {first.Name}: {first.Error}).");
        }
        return result with
        {
            Findings = Scanner.Order(findings),
            Dependencies = result.Dependencies is { } summary ? summary with { Online = true, Notes = notes, FailedLookups = failed.Count } : null,
        };
    }

    private static Finding? Confusion(Dependency dependency, string why, RegistryPackage answer)
    {
        var label = DependencyFindings.Label(dependency);
        var publicName = RegistryHosts.PublicName(dependency.Ecosystem);
        var scope = dependency.Name.StartsWith('@') && dependency.Name.Contains('/', StringComparison.Ordinal) ? dependency.Name[..dependency.Name.IndexOf('/', StringComparison.Ordinal)] : null;
        var properties = new JsonObject { ["internalBecause"] = why, ["host"] = RegistryHosts.HostOf(answer.Registry) };
        switch (answer.Presence)
        {
            case RegistryPresence.Exists:
                properties["confusion"] = "exists-publicly";
                return DependencyFindings.Create(DependencyRules.Confusion, Severity.High, dependency,
                    $"{label} has an internal name ({why}), and a package of that name exists on {publicName} ({answer.Registry}): unless it is your own, any install that reaches the public registry for it takes that one.",
                    dependency.Key, properties);
            case RegistryPresence.Missing:
                properties["confusion"] = "unclaimed-publicly";
                var message = scope is null || dependency.Ecosystem != Ecosystems.Npm
                    ? $"{label} has an internal name ({why}) that nobody has claimed on {publicName}: whoever publishes it there first is who a misrouted install runs. Claim it with a placeholder package."
                    : $"{label} has an internal name ({why}) that is not published on {publicName}: unless your team owns the {scope[1..]} organization there (a private package looks the same from outside), whoever creates it can publish under {scope}. Create the organization to claim the scope.";
                return DependencyFindings.Create(DependencyRules.Confusion, Severity.Low, dependency, message,
                    dependency.Key, properties);
            default:
                return null;
        }
    }

    private static Finding TooNew(Dependency dependency, DateTimeOffset published, DateTimeOffset now, TimeSpan cooldown, RegistryPackage answer)
    {
        var age = now - published;
        var ageText = age.TotalHours >= 1 ? $"{Math.Floor(age.TotalHours).ToString(CultureInfo.InvariantCulture)} hours" : $"{Math.Max(0, Math.Floor(age.TotalMinutes)).ToString(CultureInfo.InvariantCulture)} minutes";
        return DependencyFindings.Create(DependencyRules.TooNew, Severity.Medium, dependency,
            $"{DependencyFindings.Label(dependency)} was published {ageText} ago ({published.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC), within the {cooldown.TotalHours.ToString(CultureInfo.InvariantCulture)}-hour cooldown; {DependencyFindings.Role(dependency)}.",
            $"{dependency.Key}@{dependency.Version}",
            new JsonObject
            {
                ["published"] = published.ToString("O", CultureInfo.InvariantCulture),
                ["ageHours"] = Math.Round(age.TotalHours, 1),
                ["cooldownHours"] = cooldown.TotalHours,
                ["registry"] = answer.Registry,
            });
    }
}
