using PackGuard.Findings;
using PackGuard.Rules;
using static PackGuard.Dependencies.Audit.ProjectSamples;

namespace PackGuard.Dependencies.Audit;

/// <summary>
/// The <c>dependency/*</c> rules: what a project is about to install. Their samples are projects
/// (<see cref="RuleSample.Project"/>) that the catalog test audits as <c>packguard deps</c> does.
/// </summary>
public static class DependencyRules
{
    /// <summary>The descriptor of <c>dependency/typosquat</c>.</summary>
    public static RuleDescriptor Typosquat { get; } = new(
        "dependency/typosquat",
        "Lookalike of a popular package",
        Severity.High,
        "A dependency's name imitates a far more popular package's name: a homoglyph, a separator or scope trick, "
        + "a swapped, doubled or changed letter, a filler word (-js, node-, py, .Net, .Core), or a near ID under a "
        + "prefix nuget.org reserves. The imitated package must be far more popular and the name must not be popular "
        + "itself (docs/deps.md gives the thresholds). High when the confidence is 0.8 or more, medium below.",
        "Typosquats are published to be installed by mistake: a typo in an install command, a name copied from a "
        + "forum, a hurried review. Most carry an install script that steals tokens and credentials the moment "
        + "they are installed (the 2017 crossenv family took npm tokens from every machine that installed it).",
        "If the intended package is the one named, replace the dependency with it and reinstall; then treat every "
        + "machine and CI runner that installed the lookalike as exposed: rotate the tokens and keys it could read.",
        [
            Fires("crossenv, the 2017 lookalike of cross-env", PackageLock(Registry("crossenv", "6.1.1"))),
            Passes("cross-env itself", PackageLock(Registry("cross-env", "7.0.3"))),
            Passes("@types/node beside node", PackageLock(Registry("@types/node", "22.10.0"))),
        ]);

    /// <summary>The descriptor of <c>dependency/confusion</c>.</summary>
    public static RuleDescriptor Confusion { get; } = new(
        "dependency/confusion",
        "Internal package name exposed to a public registry",
        Severity.Critical,
        "A package whose name is internal (a scope or prefix the policy's deps.internal names, or one the project's "
        + ".npmrc or NuGet package source mapping routes to a private registry) is resolved from a public registry "
        + "(critical), or the configuration lets it be: pip's --extra-index-url or a supplemental Poetry source "
        + "beside the private index, NuGet sources without package source mapping (high), an npm scope no "
        + "configuration routes to its registry (medium). With --online: the name exists on the public registry (high) "
        + "or is unclaimed there, so anyone may claim it (low).",
        "Dependency confusion (Birsan, 2021) needs no typo and no hijack: publish an internal name publicly with a "
        + "higher version, and build machines that look in both places install it. It reached Apple, Microsoft, "
        + "PayPal and dozens more; the install script runs inside the company network.",
        "Route every internal name to the private registry only: an .npmrc @scope:registry= line, NuGet "
        + "packageSourceMapping, pip --index-url of the private index (never --extra-index-url) or an explicit "
        + "Poetry/uv source. Claim the scope or names on the public registry so nobody else can.",
        [
            Fires("an internal scope resolved from the npm registry",
                PackageLock(Registry("@acme/auth", "2.0.0")),
                new Rules.SampleFile(".npmrc", "@acme:registry=https://npm.acme.example/\n")),
            Passes("an internal scope resolved from its own registry",
                PackageLock(Registry("@acme/auth", "2.0.0") with { Resolved = "https://npm.acme.example/@acme/auth/-/auth-2.0.0.tgz" }),
                new Rules.SampleFile(".npmrc", "@acme:registry=https://npm.acme.example/\n")),
        ]);

    /// <summary>The descriptor of <c>dependency/install-script</c>.</summary>
    public static RuleDescriptor InstallScript { get; } = new(
        "dependency/install-script",
        "Dependency runs code at install time",
        Severity.Info,
        "A package of the tree runs an install script (npm preinstall, install or postinstall, or a binding.gyp "
        + "build), as package-lock.json (hasInstallScript) and pnpm-lock.yaml 5 and 6 (requiresBuild) record it. Yarn, "
        + "pnpm 9 and the NuGet and Python formats do not record it; the report says so.",
        "Install scripts run with the installing user's rights before any code review or test: almost every "
        + "malicious npm package does its work there. Knowing which packages of the tree need them is what "
        + "makes --ignore-scripts (and an allowlist of the few that need to build) possible.",
        "Install with scripts off (npm ci --ignore-scripts, pnpm's onlyBuiltDependencies, Yarn's "
        + "enableScripts: false) and allow only the packages listed here that really need to build.",
        [
            Fires("a package with an install script", PackageLock(Registry("esbuild", "0.24.0") with { InstallScript = true })),
            Passes("a package without one", PackageLock(Registry("left-pad", "1.3.0"))),
        ]);

    /// <summary>The descriptor of <c>dependency/known-malicious</c>.</summary>
    public static RuleDescriptor KnownMalicious { get; } = new(
        "dependency/known-malicious",
        "Known malicious package",
        Severity.Critical,
        "A dependency's name and version are covered by an OSV record of a malicious package in the local advisory "
        + "store (packguard advisories import): a MAL-* record of the OpenSSF malicious-packages database, or any record "
        + "marked malicious. Ranges are evaluated as the OSV specification says, per ecosystem (npm SemVer, PEP 440, "
        + "NuGet versions); a declared range with no pinned version matches records that affect every version.",
        "A malicious package has done its damage the moment it is installed: install scripts run before any test, and "
        + "most steal tokens, keys and cloud credentials or open a backdoor. A lockfile that still names one means the "
        + "next npm ci, pip install or restore runs it again.",
        "Remove the package (and whatever pulled it in) and reinstall from a clean lockfile; treat every machine and CI "
        + "runner that installed it as compromised: rotate the credentials it could read and look for persistence.",
        [
            new("plain-crypto-js 4.2.1, named by a MAL record", true, [])
            {
                Project = new ProjectSample([PackageLock(Registry("plain-crypto-js", "4.2.1"))]) { Advisories = [SampleMalRecord] },
            },
            new("crypto-js 4.2.0, which no record names", false, [])
            {
                Project = new ProjectSample([PackageLock(Registry("crypto-js", "4.2.0"))]) { Advisories = [SampleMalRecord] },
            },
        ]);

    /// <summary>A MAL record in the shape of the OpenSSF malicious-packages database's, for the samples.</summary>
    private const string SampleMalRecord = """
        {
          "schema_version": "1.5.0",
          "id": "MAL-2026-0001",
          "modified": "2026-03-31T12:00:00Z",
          "published": "2026-03-31T12:00:00Z",
          "summary": "Malicious code in plain-crypto-js (npm)",
          "details": "The package's install script downloads and runs a second stage.",
          "affected": [ { "package": { "ecosystem": "npm", "name": "plain-crypto-js" }, "versions": ["4.2.1"] } ]
        }
        """;

    /// <summary>The descriptor of <c>dependency/too-new</c>.</summary>
    public static RuleDescriptor TooNew { get; } = new(
        "dependency/too-new",
        "Dependency version younger than the cooldown",
        Severity.Medium,
        "With --online: the registry says this version was published less than the cooldown ago (deps.cooldown, default "
        + "48 hours). npm times come from the packument's time field (the abbreviated packument's modified date first, "
        + "so most packages cost one small request), NuGet's from the registration's published date, PyPI's from the "
        + "earliest file's upload time.",
        "Hijacked releases are usually found and pulled within hours or days (event-stream, ua-parser-js, the 2025 chalk "
        + "and debug compromise were all removed within a day or two). Waiting out a short cooldown before taking a new "
        + "version lets the registry and the community do that work before the version reaches your machines.",
        "Pin the previous version until the cooldown has passed (npm's min-release-age, pnpm's minimumReleaseAge, "
        + "Renovate's minimumReleaseAge), unless the new version fixes something you need now: then read its diff "
        + "(packguard diff) before taking it.",
        [
            new("left-pad 1.3.0, published 5 hours ago", true, [])
            {
                Project = new ProjectSample([PackageLock(Registry("left-pad", "1.3.0"))])
                {
                    Registry = new Dictionary<string, IReadOnlyDictionary<string, int>> { ["npm:left-pad"] = new Dictionary<string, int> { ["1.3.0"] = 5 } },
                },
            },
            new("left-pad 1.3.0, published weeks ago", false, [])
            {
                Project = new ProjectSample([PackageLock(Registry("left-pad", "1.3.0"))])
                {
                    Registry = new Dictionary<string, IReadOnlyDictionary<string, int>> { ["npm:left-pad"] = new Dictionary<string, int> { ["1.3.0"] = 900 } },
                },
            },
        ]);

    /// <summary>Every <c>dependency/*</c> rule.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [Typosquat, Confusion, InstallScript, KnownMalicious, TooNew];
}
