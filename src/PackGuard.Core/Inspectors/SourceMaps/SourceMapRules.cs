using System.Text;
using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>The source-map rules, their catalog entries and their samples.</summary>
public static class SourceMapRules
{
    /// <summary>A map carries <c>sourcesContent</c>: the original source ships with the package.</summary>
    public const string EmbeddedSources = "source-map/embedded-sources";

    /// <summary>A map without content: its source paths still reveal the original layout.</summary>
    public const string PathsOnly = "source-map/paths-only";

    /// <summary>A <c>sourceMappingURL</c> names a map the package lacks, or one on another host.</summary>
    public const string DanglingReference = "source-map/dangling-reference";

    internal const string EmbeddedSourcesTitle = "Source map embeds original source code";
    internal const string PathsOnlyTitle = "Source map reveals source file paths";
    internal const string DanglingReferenceTitle = "sourceMappingURL points outside the package";

    private const string Proprietary = """{"name":"acme-cli","version":"1.0.0","license":"UNLICENSED"}""";
    private const string OpenSource = """{"name":"acme-lib","version":"1.0.0","license":"MIT","repository":"github:acme/acme-lib"}""";
    private const string OpenLicenceOnly = """{"name":"acme-lib","version":"1.0.0","license":"MIT"}""";
    private const string MapWithSources = """{"version":3,"file":"cli.js","sources":["../src/index.ts","../src/tools/run.ts","../node_modules/left-pad/index.js"],"sourcesContent":["export const a = 1;\n","export function run() {\n  return 2;\n}\n","module.exports = 1;\n"],"mappings":"AAAA"}""";
    private const string MapWithoutSources = """{"version":3,"file":"cli.js","sources":["../src/index.ts","../src/tools/run.ts"],"mappings":"AAAA"}""";
    private const string ThirdPartyOnlyMap = """{"version":3,"sources":["../node_modules/left-pad/index.js","webpack/bootstrap"],"sourcesContent":["module.exports = 1;\n","var x;\n"],"mappings":"AAAA"}""";
    private const string IndexMap = """{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":{"version":3,"sources":["src/a.ts"],"sourcesContent":["let a = 1;\n"],"mappings":"AAAA"}}]}""";
    private const string Referencing = "console.log(1);\n//# sourceMappingURL=cli.js.map\n";

    /// <summary>The catalog entries.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new(
            EmbeddedSources,
            EmbeddedSourcesTitle,
            Severity.Critical,
            "A source map in the package carries sourcesContent: the original, unminified source of the files it maps, comments included. PackGuard finds maps by content (external .map files, inline data: URLs in scripts and stylesheets, index maps with sections, maps nothing references), splits first-party code from node_modules and bundler runtime, and counts the files, lines and bytes exposed.",
            "Whoever installs the package can read the original source. In a proprietary package that is the product's code: in 2026 an AI coding CLI shipped a 59.7 MB map holding ~1,900 of its own TypeScript files (>512,000 lines) to npm, and nothing in the usual toolchain noticed. Severity follows the package's openness: critical when the package is not plainly open source (no OSI licence, UNLICENSED, SEE LICENSE IN, private), high for an open licence without a public repository, medium when the source is public anyway, low when only third-party code is embedded.",
            "Do not publish maps: declare a \"files\" allowlist in package.json (or add *.map to .npmignore) and check with `npm pack --dry-run`. If you need maps for error tracking, upload them there, or build them without sources: esbuild --sources-content=false, webpack devtool 'nosources-source-map', rollup output.sourcemapExcludeSources, TypeScript inlineSources false, bun build --sourcemap=none.",
            [
                new("external map with first-party sources in a proprietary package", true,
                    [new("package/package.json", Proprietary), new("package/cli.js", Referencing), new("package/cli.js.map", MapWithSources)], Severity.Critical),
                new("hidden map that nothing references", true,
                    [new("package/package.json", Proprietary), new("package/cli.js", "console.log(1);\n"), new("package/cli.js.map", MapWithSources)], Severity.Critical),
                new("map found by content under another name", true,
                    [new("package/package.json", Proprietary), new("package/dist/debug.json", MapWithSources)], Severity.Critical),
                new("inline base64 map in a bundle", true,
                    [new("package/package.json", Proprietary), new("package/cli.js", InlineBundle(MapWithSources, "//#"))], Severity.Critical),
                new("legacy //@ inline map", true,
                    [new("package/package.json", Proprietary), new("package/cli.js", InlineBundle(MapWithSources, "//@"))], Severity.Critical),
                new("index map whose section embeds sources", true,
                    [new("package/package.json", Proprietary), new("package/bundle.js.map", IndexMap)], Severity.Critical),
                new("no licence declared at all", true,
                    [new("package/package.json", """{"name":"x","version":"1.0.0"}"""), new("package/cli.js.map", MapWithSources)], Severity.Critical),
                new("open licence without a public repository", true,
                    [new("package/package.json", OpenLicenceOnly), new("package/cli.js.map", MapWithSources)], Severity.High),
                new("OSI licence and a public repository", true,
                    [new("package/package.json", OpenSource), new("package/cli.js", Referencing), new("package/cli.js.map", MapWithSources)], Severity.Medium),
                new("only third-party and bundler code embedded", true,
                    [new("package/package.json", Proprietary), new("package/vendor.js.map", ThirdPartyOnlyMap)], Severity.Low),
                new("map without sourcesContent", false,
                    [new("package/package.json", Proprietary), new("package/cli.js", Referencing), new("package/cli.js.map", MapWithoutSources)]),
                new("bundle without any map", false,
                    [new("package/package.json", Proprietary), new("package/cli.js", "console.log('//# sourceMappingURL=' + url);\n")]),
                new("JSON that merely has a sources key", false,
                    [new("package/package.json", Proprietary), new("package/data.json", """{"sources":["a"],"sourcesContent":["x"]}""")]),
            ]),
        new(
            PathsOnly,
            PathsOnlyTitle,
            Severity.Low,
            "A source map in the package lists its sources without their content. It exposes no code, but the file names and directory layout of the original project, including internal module and product names.",
            "Paths reveal internal structure (unreleased features, internal service names, monorepo layout) and show that maps ship with the package at all, so a later build that adds sourcesContent will leak source. Low in a proprietary package, info in an open-source one.",
            "Leave maps out of the published package (a \"files\" allowlist or .npmignore), or accept this deliberately for open-source packages whose layout is public anyway.",
            [
                new("proprietary package with a path-only map", true,
                    [new("package/package.json", Proprietary), new("package/cli.js", Referencing), new("package/cli.js.map", MapWithoutSources)], Severity.Low),
                new("open-source package with a path-only map", true,
                    [new("package/package.json", OpenSource), new("package/cli.js.map", MapWithoutSources)], Severity.Info),
                new("map that embeds sources is reported as embedded, not paths-only", false,
                    [new("package/package.json", Proprietary), new("package/cli.js.map", MapWithSources)]),
            ]),
        new(
            DanglingReference,
            DanglingReferenceTitle,
            Severity.Low,
            "A script or stylesheet ends with a sourceMappingURL comment naming a map the package does not contain, or a map on another host.",
            "A remote map URL may serve the full source to anyone (medium in a proprietary package). A missing local map means the build produced maps that did not ship this time; the next packaging change may ship them. Debuggers and bundlers also warn about the broken reference.",
            "Drop the comment from the published file with a hidden-source-map setting (webpack devtool 'hidden-source-map', esbuild --sourcemap=external, vite build.sourcemap 'hidden'), and make sure remote maps are not publicly readable.",
            [
                new("reference to a map the package lacks", true,
                    [new("package/package.json", Proprietary), new("package/cli.js", Referencing)], Severity.Low),
                new("reference to a remote map", true,
                    [new("package/package.json", Proprietary), new("package/cli.js", "x();\n//# sourceMappingURL=https://maps.example.com/cli.js.map\n")], Severity.Medium),
                new("CSS reference to a missing map", true,
                    [new("package/package.json", OpenSource), new("package/site.css", "a{color:red}\n/*# sourceMappingURL=site.css.map */\n")], Severity.Info),
                new("reference to a map that ships", false,
                    [new("package/package.json", Proprietary), new("package/cli.js", Referencing), new("package/cli.js.map", MapWithoutSources)]),
                new("the comment text inside a string literal", false,
                    [new("package/package.json", Proprietary), new("package/tool.js", "const c = \"//# sourceMappingURL=\" + file + \".map\";\n")]),
            ]),
    ];

    private static string InlineBundle(string map, string marker) =>
        $"console.log(1);\n{marker} sourceMappingURL=data:application/json;charset=utf-8;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(map))}\n";
}
