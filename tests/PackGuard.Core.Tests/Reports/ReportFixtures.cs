using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Policy;
using PackGuard.Rules;
using PackGuard.Scanning;

namespace PackGuard.Tests.Reports;

/// <summary>
/// Hand-built reports for the writer tests: fixed values, so that snapshots only change when a
/// writer does. The failing report is shaped after the motivating incident in DESIGN.md.
/// </summary>
internal static class ReportFixtures
{
    public const string TestToolVersion = "0.1.0-test";

    public const string EmbeddedSources = "source-map/embedded-sources";
    public const string ConfigFile = "internal-file/config-file";
    public const string HighEntropy = "secret/high-entropy-string";
    public const string InstallScript = "install-script/present";

    public const string NestedPath = "package/lib/legacy tools.jar!com/acme/Größe config.properties";
    public const string OriginalPath = "webpack://acme-cli/./src/config/defaults.ts";

    public static RuleCatalog Catalog { get; } = new(
    [
        Rule(EmbeddedSources, "Source map embeds original sources", Severity.Critical,
            "A source map in the package carries the original source text in sourcesContent.",
            "Anyone who installs the package can read the original, unminified code, first-party code included.",
            "Stop publishing maps: exclude `*.map` from the package, or build without sourcesContent.") with
        {
            Precision = RulePrecision.VeryHigh,
        },
        Rule(ConfigFile, "Internal configuration file shipped", Severity.Medium,
            "The package contains a configuration file meant for the build or the company network.",
            "Host names, paths and keys in it map the publisher's infrastructure.",
            "Remove the file from the package, or list only built files in the package manifest."),
        Rule(HighEntropy, "High-entropy string", Severity.Low,
            "A string with the randomness of a generated credential.",
            "If it is a credential, everyone who installs the package has it.",
            "Check the value; rotate it if it is a credential and load it from the environment.") with
        {
            Precision = RulePrecision.Low,
        },
        Rule(InstallScript, "Install script present", Severity.Info,
            "The package runs a script when it is installed.",
            "Install scripts run with the installing user's rights before anyone reviews the code.",
            "Prefer a package without install scripts, or install with scripts disabled."),
    ]);

    public static Finding SourceMapFinding { get; } = new(
        EmbeddedSources, Severity.Critical, "Source map embeds original sources",
        "package/cli.js.map embeds the original text of 4751 sources: 1902 first-party (512034 lines) and 2849 from node_modules.",
        new FindingLocation("package/cli.js.map"),
        Fingerprint.Compute(EmbeddedSources, "package/cli.js.map"),
        new JsonObject
        {
            ["sources"] = 4751,
            ["sourcesWithContent"] = 4751,
            ["firstPartySources"] = 1902,
            ["firstPartyLines"] = 512034,
            ["firstPartyBytes"] = 18874368,
            ["thirdPartySources"] = 2849,
            ["topDirectories"] = new JsonArray(
                new JsonObject { ["path"] = "src/tools", ["files"] = 184 },
                new JsonObject { ["path"] = "src/commands", ["files"] = 97 }),
        })
    {
        Fix = "Add `*.map` to .npmignore, or list only `cli.js` in the `files` field of package.json.",
    };

    public static Finding NestedConfigFinding { get; } = new(
        ConfigFile, Severity.Medium, "Internal configuration file shipped",
        "A nested archive carries an internal configuration file whose keys point at <internal> hosts & build paths.",
        new FindingLocation(NestedPath),
        Fingerprint.Compute(ConfigFile, NestedPath),
        new JsonObject { ["archiveDepth"] = 2, ["keys"] = new JsonArray("db.url", "build.host") });

    public static Finding SecretFinding { get; } = new(
        HighEntropy, Severity.Low, "High-entropy string",
        "A string that may be a generated credential, in a source embedded in the map.",
        new FindingLocation("package/cli.js.map", Line: 12, Column: 7, OriginalPath: OriginalPath),
        Fingerprint.Compute(HighEntropy, "package/cli.js.map", "keyed-hash-0001"),
        new JsonObject
        {
            ["secretType"] = "generic-high-entropy",
            ["confidence"] = "low",
            ["preview"] = "AKf3…Qz9",
            ["entropy"] = 4.73,
        })
    {
        Fix = "Rotate the value if it is a credential, then load it from the environment.",
    };

    public static TargetInfo LeakyTarget { get; } = new(
        "npm:@acme/cli@2.1.88", "npm", "@acme/cli", "2.1.88", "SEE LICENSE IN LICENSE.md",
        "9f2c6d0e1a4b7c8d3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5", 31485112, 5112)
    {
        Registry = "https://registry.npmjs.org/",
    };

    public static TargetInfo CleanTarget { get; } = new("./build", null, null, null, null, null, 48213, 37);

    /// <summary>Critical, medium and low findings, already in the scanner's order; fails at <c>high</c>.</summary>
    public static ScanReport Failing { get; } = VerdictPolicy.Evaluate(
        new ScanResult(LeakyTarget, [SourceMapFinding, NestedConfigFinding, SecretFinding]), FailThreshold.Default);

    /// <summary>No findings, a directory target with every optional fact unknown.</summary>
    public static ScanReport Passing { get; } = VerdictPolicy.Evaluate(
        new ScanResult(CleanTarget, []), FailThreshold.Default);

    /// <summary>A scan a time budget stopped early: one <c>scan/incomplete</c> finding, incomplete.</summary>
    public static ScanReport Incomplete { get; } = VerdictPolicy.Evaluate(
        new ScanResult(LeakyTarget, [new Finding(ScanRules.Incomplete, Severity.Medium, "Scan incomplete",
            "The scan ran out of its 10 min time budget.", new FindingLocation("package/big.js"),
            Fingerprint.Compute(ScanRules.Incomplete, "package/big.js", "scanTime"), [])]) { Incomplete = true },
        FailThreshold.Default);

    /// <summary>A report with one finding of the given rule, severity and properties.</summary>
    public static ScanReport WithFinding(
        string ruleId, Severity severity, JsonObject? properties = null, FindingLocation? location = null)
    {
        var where = location ?? new FindingLocation("package/index.js");
        var finding = new Finding(ruleId, severity, "A title", "A message.", where,
            Fingerprint.Compute(ruleId, where.Path), properties ?? []);
        return VerdictPolicy.Evaluate(new ScanResult(LeakyTarget, [finding]), FailThreshold.Default);
    }

    private static RuleDescriptor Rule(
        string id, string title, Severity severity, string description, string why, string fix) =>
        new(id, title, severity, description, why, fix, Samples: []);
}
