using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Scanning;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Scanning;

/// <summary>Builds bundles and maps for scanner tests and scans them the way the CLI does.</summary>
internal static class ScanFixture
{
    public const string Proprietary = """{"name":"@acme/cli","version":"3.1.0","license":"UNLICENSED","devDependencies":{"esbuild":"^0.24.0"}}""";
    public const string OpenSource = """{"name":"acme-lib","version":"1.0.0","license":"MIT","repository":{"type":"git","url":"git+https://github.com/acme/acme-lib.git"}}""";

    /// <summary>A map with the given sources; content is given per source (null for none).</summary>
    public static string Map(params (string Source, string? Content)[] sources)
    {
        var map = new JsonObject
        {
            ["version"] = 3,
            ["file"] = "out.js",
            ["sources"] = new JsonArray([.. sources.Select(s => (JsonNode)s.Source)]),
            ["names"] = new JsonArray(),
            ["mappings"] = "AAAA,CAAC;AACD",
        };
        if (sources.Any(s => s.Content is not null))
            map["sourcesContent"] = new JsonArray([.. sources.Select(s => (JsonNode?)s.Content)]);
        return map.ToJsonString();
    }

    public static string InlineComment(string map) =>
        "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(map));

    public static ScanResult ScanTarGz(params TestFile[] files) => ScanBytes(TestArchive.TarGz(files), "pkg.tgz");

    public static ScanResult ScanBytes(byte[] bytes, string fileName, ArtifactLimits? limits = null)
    {
        using var artifact = new TempArtifact(bytes, fileName);
        return ScanPath(artifact.Path, isDirectory: false, limits);
    }

    public static ScanResult ScanPath(string path, bool isDirectory, ArtifactLimits? limits = null)
    {
        var spec = new TargetSpec(path, TargetKind.Local, path, null);
        return new Scanner(Scanner.DefaultInspectors(TestKeys.Fingerprinter), limits ?? ArtifactLimits.Default)
            .Scan(new ResolvedTarget(spec, path, isDirectory));
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static Finding Single(this ScanResult result, string ruleId) =>
        result.Findings.Where(f => f.RuleId == ruleId).ShouldHaveSingleItem();

    public static long Long(this Finding finding, string property) =>
        long.Parse(finding.Properties[property]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
}
