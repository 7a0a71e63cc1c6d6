using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Inspectors.Exposure;

/// <summary>The <c>exposure/*</c> rules: internal surface a package's text reveals.</summary>
public static class ExposureRules
{
    /// <summary>Internal host names, private addresses and non-production hosts of the package's own domain.</summary>
    public const string InternalHost = "exposure/internal-host";

    /// <summary>Home-directory paths that name a user.</summary>
    public const string HomePath = "exposure/home-path";

    /// <summary>A codename the team declared.</summary>
    public const string Codename = "exposure/codename";

    private const string Where =
        "PackGuard reads every text file and, in source maps, every original source in sourcesContent (named by its original path) and the list of source paths; binaries, images and fonts are not read. Each distinct value is reported once, with its count, the number of files and its first five places.";

    private const string Proprietary = """{"name":"ledger-cli","version":"2.0.0","license":"UNLICENSED","homepage":"https://northwind.io/ledger"}""";
    private const string InternalFix =
        "Keep internal endpoints out of published code: read them from configuration or the environment at run time, or replace them at build time (a define or replace plugin) with the public endpoint. Leave source maps with sourcesContent out of the package: they carry comments and dead code a bundle does not.";
    private const string HomeFix =
        "Build with paths relative to the project: bundlers and compilers can map source paths (esbuild and webpack write relative paths when the working directory is the project; TypeScript sourceRoot; .NET PathMap or ContinuousIntegrationBuild), and release builds belong on CI, not a laptop. Leave maps and logs out of the package.";
    private const string CodenameFix =
        "Remove the codename from the published files: keep it out of strings, identifiers that survive minification, comments and feature-flag names, or rename it before release. Leave source maps with sourcesContent out of the package, and search the build output before publishing.";

    /// <summary>The catalog entries.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new(
            InternalHost,
            "Internal host name in the package",
            Severity.Medium,
            "A host that points inside an organisation appears in a URL or a host position (user@host, or a string that starts with the host) of the package's text: a name under a private-network top-level domain (.internal, .corp, .local, .lan, .intranet), a private IPv4 address (10/8, 172.16/12, 192.168/16), or a staging, dev, qa, uat, preprod or internal host under the package's own domain (from its home page, non-forge repository and author). Well-known public names (metadata.google.internal, host.docker.internal, *.svc.cluster.local), documentation placeholders (git.mycorp.internal, your-host.local), networks and ranges (10.0.0.0/8) are not reported. " + Where + " Medium; low when the host appears only in tests, examples, documentation or bundled third-party code.",
            "Internal host names map an organisation's network for an attacker: service names, environments, the hosts behind a VPN. A staging or dev host is often less protected than production and shares its data or credentials. In 2026 an AI coding CLI's source map revealed its staging API and OAuth hosts beside its source.",
            InternalFix,
            [
                new("an internal service URL in a bundle", true,
                    [new("package/package.json", Proprietary), new("package/dist/client.js", "const LEDGER = \"https://ledger.prod.internal/v2\";\nmodule.exports = LEDGER;\n")], Severity.Medium),
                new("a private address in a URL", true,
                    [new("package/package.json", Proprietary), new("package/dist/metrics.js", "fetch('http://10.20.4.17:8080/metrics');\n")], Severity.Medium),
                new("a staging host under the package's own domain", true,
                    [new("package/package.json", Proprietary), new("package/dist/api.js", "const base = 'https://api-staging.northwind.io/v1';\n")], Severity.Medium),
                new("an internal host in an original source of a map", true,
                    [new("package/package.json", Proprietary),
                     new("package/cli.js.map", """{"version":3,"sources":["../src/cache.ts"],"sourcesContent":["export const url = 'redis://cache-01.lan:6379';\n"],"mappings":"AAAA"}""")], Severity.Medium),
                new("a private address in a test only", true,
                    [new("package/package.json", Proprietary), new("package/test/client.test.js", "connect('http://10.0.3.9:5432');\n")], Severity.Low),
                new("code, file names and public or placeholder hosts", false,
                    [new("package/package.json", Proprietary),
                     new("package/dist/x.js", "if (options.local) a.localeCompare(b); read('settings.local.json'); get('http://metadata.google.internal/'); get('http://host.docker.internal:3000'); get('https://kubernetes.default.svc.cluster.local'); clone('https://git.mycorp.internal/x.git'); allow('10.0.0.0/8', 'http://192.168.0.0/16');\n")]),
                new("a staging host of someone else's domain", false,
                    [new("package/package.json", Proprietary), new("package/dist/vendor.js", "const u = 'https://api.staging.othervendor.com/v1';\n")]),
            ])
        {
            // A host in a URL is certain; whether it is internal to anyone is a judgement.
            Precision = RulePrecision.Medium,
        },
        new(
            HomePath,
            "Home-directory path in the package",
            Severity.Low,
            "An absolute path into a user's home directory appears in the package's text: /home/<user>/, /Users/<user>/ (macOS), C:\\Users\\<user>\\ (also C:/Users/ and JSON-escaped). The accounts of CI runners, containers and cloud images (/home/runner, /Users/runner, /home/node, /home/ubuntu, C:\\Users\\runneradmin), system folders (/Users/Shared) and documentation placeholders (/home/user, /Users/you, /home/<user>) are not reported. " + Where + " Low; info when it appears only in tests, examples, documentation or bundled third-party code.",
            "A developer's home path gives away a user name (often a person's real name or their login elsewhere), the layout of their disk and the names of other projects on it. It also shows that the package was built on a laptop rather than by CI, with whatever else that machine had lying around.",
            HomeFix,
            [
                new("a macOS home path in a bundle comment", true,
                    [new("package/package.json", Proprietary), new("package/dist/index.js", "// built from /Users/jbloggs/work/ledger/src/index.ts\nmodule.exports = 1;\n")], Severity.Low),
                new("a JSON-escaped Windows home path", true,
                    [new("package/package.json", Proprietary), new("package/dist/config.json", """{"cache":"C:\\Users\\mwong\\AppData\\Local\\ledger"}""")], Severity.Low),
                new("absolute source paths in a map", true,
                    [new("package/package.json", Proprietary), new("package/dist/app.js.map", """{"version":3,"sources":["/home/priya/src/ledger/index.ts"],"mappings":"AAAA"}""")], Severity.Low),
                new("a home path in test fixtures only", true,
                    [new("package/package.json", Proprietary), new("package/test/fixtures/paths.js", "module.exports = '/home/priya/project';\n")], Severity.Info),
                new("CI runners, placeholders and URL paths", false,
                    [new("package/package.json", Proprietary),
                     new("package/dist/x.js", "a('/home/runner/work/ledger/ledger/src'); b('/Users/you/.config'); c('/home/<user>/.npmrc'); d('https://northwind.io/home/index/'); e('/api/Users/42/profile'); f('/Users/runner/work/x');\n")]),
            ])
        {
            Precision = RulePrecision.Medium,
        },
        new(
            Codename,
            "Declared codename in the package",
            Severity.High,
            "A codename the team declared in the PackGuard configuration (exposure.codenames) appears in the package's text, matched without regard to case on word boundaries that understand code: on its own, in snake, kebab and screaming case (falcon_flag, FALCON_API), and as a camel-case word (useFalcon, falconClient), even in a minified bundle, but not inside another word (falconry). " + Where + " Always high: the team said the name is secret.",
            "Codenames of unreleased products, partners and internal projects leak roadmaps: a feature flag or an error string in a shipped bundle is read by competitors and the press within days of release, and it cannot be unpublished from the copies already downloaded.",
            CodenameFix,
            [
                new("a codename in a minified bundle", true,
                    [new("package/package.json", Proprietary), new("package/dist/cli.js", "var a=\"Falcon\";function useFalconFlags(){return{FALCON_ROLLOUT:1}}\n")], Severity.High) { Codenames = ["falcon"] },
                new("a codename in an original source of a map", true,
                    [new("package/package.json", Proprietary),
                     new("package/cli.js.map", """{"version":3,"sources":["../src/flags.ts"],"sourcesContent":["// Project Osprey launch gate\nexport const gate = 1;\n"],"mappings":"AAAA"}""")], Severity.High) { Codenames = ["falcon", "Osprey"] },
                new("words that merely contain the codename", false,
                    [new("package/package.json", Proprietary), new("package/dist/birds.js", "const hobby = 'falconry'; const species = 'peregrinefalcons';\n")]) { Codenames = ["falcon"] },
                new("no codename declared", false,
                    [new("package/package.json", Proprietary), new("package/dist/cli.js", "var a=\"Falcon\";\n")]),
            ]),
    ];

    private static readonly Dictionary<string, RuleDescriptor> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    internal static string TitleOf(string ruleId) => ById[ruleId].Title;

    internal static string FixOf(string ruleId) => ById[ruleId].HowToFix;
}
