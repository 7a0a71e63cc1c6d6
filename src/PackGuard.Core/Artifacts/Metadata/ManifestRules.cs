using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// The rule for a package manifest that could not be read completely. It matters beyond itself:
/// severities that depend on the licence and repository assume the worst when the manifest is
/// unreadable, and the reader deserves to know why.
/// </summary>
public static class ManifestRules
{
    /// <summary>package.json, the .nuspec or the wheel's METADATA is malformed, oversized or cut short.</summary>
    public const string Unreadable = "manifest/unreadable";

    private const string Title = "Package manifest could not be read completely";

    /// <summary>The catalog entry.</summary>
    public static RuleDescriptor UnreadableRule { get; } = new(
        Unreadable,
        Title,
        Severity.Low,
        "The package's manifest (package.json, the .nuspec, or a wheel's METADATA) is not valid JSON or XML, is larger than 4 MiB, or was cut short by a limit or damage. PackGuard keeps what it could read.",
        "Registries and installers read the manifest to decide what a package is and what it runs; a manifest they cannot read is at best a broken release and at worst crafted to be read differently by different tools. PackGuard also takes the licence and repository from it, so an unreadable manifest makes findings that depend on openness assume a proprietary package.",
        "Regenerate the manifest with the ecosystem's own tool (npm pkg, dotnet pack, python -m build) and validate it (npm pack --dry-run, nuget verify, twine check) before publishing.",
        [
            new("package.json that is not valid JSON", true,
                [new("package/package.json", """{"name":"acme","version":"1.0.0",}"""), new("package/index.js", "x")], Severity.Low),
            new("package.json that is not an object", true,
                [new("package/package.json", """["acme"]""")], Severity.Low),
            new("a well-formed package.json", false,
                [new("package/package.json", """{"name":"acme","version":"1.0.0","license":"MIT"}"""), new("package/index.js", "x")]),
        ]);

    /// <summary>The catalog entries.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [UnreadableRule];

    /// <summary>Findings for the problems the metadata readers met.</summary>
    public static IEnumerable<Finding> FindingsFor(PackageMetadata metadata)
    {
        foreach (var problem in metadata.Problems)
        {
            var path = metadata.ManifestPath ?? "(manifest)";
            yield return new Finding(Unreadable, Severity.Low, Title, problem, new FindingLocation(path),
                Fingerprint.Compute(Unreadable, path, problem), new JsonObject { ["problem"] = problem })
            {
                Fix = $"Fix {path} so that it parses (for npm, `npm pkg get name` reads it the way the registry will), then scan again.",
            };
        }
    }
}
