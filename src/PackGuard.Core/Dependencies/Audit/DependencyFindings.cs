using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Dependencies.Audit;

/// <summary>
/// Builds the findings of <c>packguard deps</c>: located at the lockfile and line, carrying the
/// package, version and ecosystem (the JSON report's contract for dependency findings).
/// </summary>
internal static class DependencyFindings
{
    /// <summary>A finding about one dependency.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="severity">The severity, when it differs from the rule's default.</param>
    /// <param name="dependency">The package.</param>
    /// <param name="message">What was observed, with figures.</param>
    /// <param name="discriminator">What makes this finding the same one across runs: the name for a lookalike, name and version for most.</param>
    /// <param name="properties">Figures beyond package, version and ecosystem.</param>
    public static Finding Create(RuleDescriptor rule, Severity severity, Dependency dependency, string message, string discriminator, JsonObject? properties = null)
    {
        var all = new JsonObject
        {
            ["package"] = dependency.Name,
            ["version"] = dependency.Version,
            ["ecosystem"] = dependency.Ecosystem,
        };
        if (dependency.Version is null && dependency.Requested is { } requested)
            all["requested"] = requested;
        if (dependency.Alias is { } alias)
            all["alias"] = alias;
        all["direct"] = dependency.Direct;
        all["dev"] = dependency.Dev;
        if (properties is not null)
        {
            foreach (var (key, value) in properties.ToList())
            {
                properties.Remove(key);
                all[key] = value;
            }
        }
        var location = new FindingLocation(dependency.Location.Path, dependency.Location.Line);
        return new Finding(rule.Id, severity, rule.Title, message, location,
            Fingerprint.Compute(rule.Id, dependency.Location.Path, $"{dependency.Ecosystem}:{discriminator}"), all)
        {
            Fix = rule.HowToFix,
        };
    }

    /// <summary>A finding about a whole lockfile.</summary>
    public static Finding ForFile(RuleDescriptor rule, Severity severity, Lockfile file, string message, JsonObject properties, int? line = null) =>
        new(rule.Id, severity, rule.Title, message, new FindingLocation(file.Path, line), Fingerprint.Compute(rule.Id, file.Path), properties)
        {
            Fix = rule.HowToFix,
        };

    /// <summary><c>name@version</c>, or the name and its declared range when no version is pinned.</summary>
    public static string Label(Dependency dependency) =>
        dependency.Version is { } version ? $"{dependency.DisplayName}@{version}"
        : dependency.Requested is { Length: > 0 } requested ? $"{dependency.DisplayName} ({requested})"
        : dependency.DisplayName;

    /// <summary>"a direct dependency", "a development dependency pulled in by another package" and so on.</summary>
    public static string Role(Dependency dependency) => (dependency.Direct, dependency.Dev) switch
    {
        (true, true) => "a direct development dependency",
        (true, false) => "a direct dependency",
        (false, true) => "a development dependency pulled in by another package",
        _ => "pulled in by another package",
    };
}
