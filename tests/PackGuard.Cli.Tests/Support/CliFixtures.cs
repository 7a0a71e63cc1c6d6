using System.IO.Compression;
using System.Text;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Support;

/// <summary>
/// Packages the CLI tests scan. The readable ones are reproducible tarballs (fixed bytes, so the
/// size and SHA-256 a text report prints can be snapshotted); the unreadable ones are damaged
/// the way real downloads and disks damage files.
/// </summary>
internal static class CliFixtures
{
    private const string Proprietary = """{"name":"acme-cli","version":"2.1.88","license":"UNLICENSED"}""";
    private const string OpenSource = """{"name":"acme-lib","version":"1.4.0","license":"MIT","repository":"github:acme/acme-lib"}""";
    private const string MapWithSources = """{"version":3,"file":"cli.js","sources":["../src/index.ts","../src/tools/run.ts","../node_modules/left-pad/index.js"],"sourcesContent":["export const a = 1;\n","export function run() {\n  return 2;\n}\n","module.exports = 1;\n"],"mappings":"AAAA"}""";
    private const string ThirdPartyOnlyMap = """{"version":3,"sources":["../node_modules/left-pad/index.js","webpack/bootstrap"],"sourcesContent":["module.exports = 1;\n","var x;\n"],"mappings":"AAAA"}""";
    private const string Referencing = "console.log(1);\n//# sourceMappingURL=cli.js.map\n";

    /// <summary>The incident in miniature: a proprietary CLI shipping <c>cli.js.map</c> with its sources. Critical, fails.</summary>
    public static byte[] ProprietaryWithExternalMap { get; } = TestArchive.ReproducibleNpmTarball(
        TestFile.Text("package.json", Proprietary),
        TestFile.Text("cli.js", Referencing),
        TestFile.Text("cli.js.map", MapWithSources));

    /// <summary>An open-source package with a public repository shipping its sources in a map: one medium finding.</summary>
    public static byte[] OpenSourceWithMap { get; } = TestArchive.ReproducibleNpmTarball(
        TestFile.Text("package.json", OpenSource),
        TestFile.Text("cli.js", Referencing),
        TestFile.Text("cli.js.map", MapWithSources));

    /// <summary>
    /// An open-source package with many small findings: one low (a map of third-party code only),
    /// two info dangling references and seven info path-only maps, which the text report groups.
    /// </summary>
    public static byte[] ManyMinorFindings { get; } = TestArchive.ReproducibleNpmTarball(
    [
        TestFile.Text("package.json", OpenSource),
        TestFile.Text("dist/vendor.js.map", ThirdPartyOnlyMap),
        TestFile.Text("lib/a.js", "a();\n//# sourceMappingURL=a.js.map\n"),
        TestFile.Text("styles/site.css", "a{color:red}\n/*# sourceMappingURL=site.css.map */\n"),
        .. Enumerable.Range(1, 7).Select(i => TestFile.Text(
            $"dist/chunk-{i}.js.map",
            $$"""{"version":3,"sources":["../src/feature-{{i}}/index.ts","../src/feature-{{i}}/view.ts"],"mappings":"AAAA"}"""))
    ]);

    /// <summary>A package with nothing to report.</summary>
    public static byte[] Clean { get; } = TestArchive.ReproducibleNpmTarball(
        TestFile.Text("package.json", """{"name":"tidy","version":"1.0.0","license":"MIT"}"""),
        TestFile.Text("index.js", "module.exports = 42;\n"));

    /// <summary>A tarball cut off in the middle of an entry, as an interrupted download leaves it.</summary>
    public static byte[] TruncatedTarball()
    {
        var lines = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"var v{i} = {i * 7919 % 10007};\n"));
        var tarball = TestArchive.NpmTarball(
            TestFile.Text("package.json", """{"name":"cut","version":"1.0.0"}"""),
            new TestFile("lib/big.js", Encoding.UTF8.GetBytes(lines)));
        return tarball[..(tarball.Length / 2)];
    }

    /// <summary>A zip (the shape of a .nupkg) whose end, with the central directory, is missing.</summary>
    public static byte[] DamagedZip()
    {
        var zip = TestArchive.Zip([TestFile.Text("a.txt", "alpha"), TestFile.Text("b.txt", "beta")], CompressionLevel.Fastest);
        return zip[..(zip.Length - 30)];
    }
}
