using System.Text;
using PackGuard.Findings;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Tests.Support;
using static PackGuard.Tests.Scanning.ScanFixture;

namespace PackGuard.Tests.Scanning;

public sealed class SourceMapScanTests
{
    private static readonly (string, string?)[] Sources =
    [
        ("../src/index.ts", "import { run } from './tools/run';\nrun();\n"),
        ("../src/tools/run.ts", "export function run() {\r\n  return 'ünïcødé';\r\n}"),
        ("../src/tools/bash/exec.tsx", "export const Exec = () => null;\n"),
        ("../node_modules/left-pad/index.js", "module.exports = leftPad;\n"),
        ("../node_modules/.pnpm/react@18.2.0/node_modules/react/index.js", "module.exports = React;\n"),
        ("webpack/bootstrap", "var __webpack_modules__ = {};\n"),
    ];

    [Fact]
    public void Measures_an_external_map_exactly()
    {
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Proprietary),
            TestFile.Text("package/dist/cli.js", "run();\n//# sourceMappingURL=cli.js.map\n"),
            TestFile.Text("package/dist/cli.js.map", Map(Sources)));

        var finding = result.Single(SourceMapRules.EmbeddedSources);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Location.Path.ShouldBe("package/dist/cli.js.map");
        finding.Long("sources").ShouldBe(6);
        finding.Long("sourcesWithContent").ShouldBe(6);
        finding.Long("firstPartySources").ShouldBe(3);
        finding.Long("thirdPartySources").ShouldBe(2);
        finding.Long("bundlerRuntimeSources").ShouldBe(1);
        finding.Long("firstPartyLines").ShouldBe(2 + 3 + 1);
        finding.Long("firstPartyBytes").ShouldBe(Encoding.UTF8.GetByteCount((string)Sources[0].Item2! + Sources[1].Item2 + Sources[2].Item2));
        finding.Properties["mapKind"]!.GetValue<string>().ShouldBe("external");
        finding.Properties["hidden"]!.GetValue<bool>().ShouldBeFalse();
        finding.Properties["referencedBy"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["package/dist/cli.js"]);
        finding.Properties["topDirectories"]!.ToJsonString().ShouldBe("""[{"path":"src/tools","files":2},{"path":"src","files":1}]""");
        finding.Properties["topExtensions"]!.ToJsonString().ShouldBe("""[{"extension":".ts","files":2},{"extension":".tsx","files":1}]""");
        finding.Properties["packageOpenness"]!.GetValue<string>().ShouldBe("proprietary");
        finding.Message.ShouldContain("3 first-party files (6 lines,");
        finding.Fix!.ShouldContain("esbuild --sources-content=false");
        result.Findings.ShouldNotContain(f => f.RuleId == SourceMapRules.DanglingReference);
    }

    [Fact]
    public void Finds_an_inline_map_in_a_bundle()
    {
        var map = Map(("../src/secret-sauce.ts", "export const recipe = 42;\n"));
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Proprietary),
            TestFile.Text("package/cli.mjs", "#!/usr/bin/env node\nconsole.log(1);\n" + InlineComment(map) + "\n"));

        var finding = result.Single(SourceMapRules.EmbeddedSources);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Location.Path.ShouldBe("package/cli.mjs");
        finding.Properties["mapKind"]!.GetValue<string>().ShouldBe("inline");
        finding.Long("firstPartyLines").ShouldBe(1);
        finding.Message.ShouldContain("inline");
        finding.Fix!.ShouldContain("inline");
    }

    [Fact]
    public void Adds_up_the_sections_of_an_index_map()
    {
        var index = $$"""
            {"version":3,"file":"app.js","sections":[
              {"offset":{"line":0,"column":0},"map":{{Map(("src/a.ts", "a\nb\n"), ("node_modules/x/i.js", "x"))}}},
              {"offset":{"line":100,"column":0},"map":{{Map(("src/b/c.ts", "c\n"))}}}
            ]}
            """;
        var result = ScanTarGz(TestFile.Text("package/package.json", Proprietary), TestFile.Text("package/app.js.map", index));

        var finding = result.Single(SourceMapRules.EmbeddedSources);
        finding.Properties["mapKind"]!.GetValue<string>().ShouldBe("index");
        finding.Long("sections").ShouldBe(2);
        finding.Long("sources").ShouldBe(3);
        finding.Long("firstPartySources").ShouldBe(2);
        finding.Long("firstPartyLines").ShouldBe(3);
        finding.Long("thirdPartySources").ShouldBe(1);
    }

    [Fact]
    public void A_map_without_content_reveals_paths_only()
    {
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Proprietary),
            TestFile.Text("package/index.js", "x();\n//# sourceMappingURL=index.js.map\n"),
            TestFile.Text("package/index.js.map", Map(("../src/internal/billing/plan.ts", null), ("../src/index.ts", null))));

        result.Findings.ShouldNotContain(f => f.RuleId == SourceMapRules.EmbeddedSources);
        var finding = result.Single(SourceMapRules.PathsOnly);
        finding.Severity.ShouldBe(Severity.Low);
        finding.Long("firstPartySources").ShouldBe(2);
        finding.Long("sourcesWithContent").ShouldBe(0);
        finding.Properties["topDirectories"]!.ToJsonString().ShouldContain("src/internal");
    }

    [Fact]
    public void Severity_follows_the_openness_of_the_package()
    {
        var map = TestFile.Text("package/index.js.map", Map(("../src/index.ts", "x\n")));

        ScanTarGz(TestFile.Text("package/package.json", OpenSource), map).Single(SourceMapRules.EmbeddedSources).Severity.ShouldBe(Severity.Medium);
        ScanTarGz(TestFile.Text("package/package.json", """{"name":"a","license":"MIT"}"""), map).Single(SourceMapRules.EmbeddedSources).Severity.ShouldBe(Severity.High);
        ScanTarGz(TestFile.Text("package/package.json", """{"name":"a","license":"SEE LICENSE IN EULA.txt"}"""), map).Single(SourceMapRules.EmbeddedSources).Severity.ShouldBe(Severity.Critical);
        ScanTarGz(TestFile.Text("package/package.json", """{"name":"a","license":"MIT","private":true,"repository":"github:a/a"}"""), map).Single(SourceMapRules.EmbeddedSources).Severity.ShouldBe(Severity.Critical);
        ScanTarGz(map).Single(SourceMapRules.EmbeddedSources).Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Reports_dangling_and_remote_references()
    {
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Proprietary),
            TestFile.Text("package/a.js", "a();\n//# sourceMappingURL=a.js.map\n"),
            TestFile.Text("package/b.js", "b();\n//# sourceMappingURL=https://sourcemaps.acme.internal/b.js.map\n"),
            TestFile.Text("package/lib/c.js", "c();\n//# sourceMappingURL=../maps/c.js.map\n"),
            TestFile.Text("package/maps/c.js.map", Map(("../src/c.ts", null))));

        var dangling = result.Findings.Where(f => f.RuleId == SourceMapRules.DanglingReference).ToList();
        dangling.Select(f => (f.Location.Path, f.Severity)).ShouldBe(
            [("package/b.js", Severity.Medium), ("package/a.js", Severity.Low)], ignoreOrder: true);
        result.Single(SourceMapRules.PathsOnly).Properties["referencedBy"]!.AsArray().Single()!.GetValue<string>().ShouldBe("package/lib/c.js");
    }

    [Fact]
    public void Scans_maps_inside_a_nuget_package()
    {
        var nupkg = TestArchive.Zip(
        [
            TestFile.Text("Acme.Web.nuspec", """<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>Acme.Web</id><version>2.0.0</version><authors>Acme</authors><description>d</description><license type="expression">LicenseRef-Acme</license></metadata></package>"""),
            TestFile.Text("staticwebassets/app.js", "a();\n//# sourceMappingURL=app.js.map\n"),
            TestFile.Text("staticwebassets/app.js.map", Map(("../Client/src/app.ts", "let a = 1;\n"))),
        ]);

        var result = ScanBytes(nupkg, "Acme.Web.2.0.0.nupkg");

        result.Target.Ecosystem.ShouldBe("nuget");
        result.Target.Name.ShouldBe("Acme.Web");
        var finding = result.Single(SourceMapRules.EmbeddedSources);
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Fix!.ShouldContain("Pack=\"false\"");
    }

    [Fact]
    public void Resolves_references_inside_a_nested_archive()
    {
        var inner = TestArchive.TarGz(
        [
            TestFile.Text("package/package.json", Proprietary),
            TestFile.Text("package/x.js", "x();\n//# sourceMappingURL=x.js.map\n"),
            TestFile.Text("package/x.js.map", Map(("../src/x.ts", "x\n"))),
        ]);
        var result = ScanTarGz(
            TestFile.Text("package/package.json", Proprietary),
            new TestFile("package/vendor/inner-1.0.0.tgz", inner));

        var finding = result.Single(SourceMapRules.EmbeddedSources);
        finding.Location.Path.ShouldBe("package/vendor/inner-1.0.0.tgz!package/x.js.map");
        finding.Properties["referencedBy"]!.AsArray().Single()!.GetValue<string>().ShouldBe("package/vendor/inner-1.0.0.tgz!package/x.js");
        result.Findings.ShouldNotContain(f => f.RuleId == SourceMapRules.DanglingReference);
    }

    [Fact]
    public void Scans_a_directory_of_build_output()
    {
        var root = Directory.CreateTempSubdirectory("packguard-scan-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "package.json"), Proprietary);
            Directory.CreateDirectory(Path.Combine(root, "dist"));
            File.WriteAllText(Path.Combine(root, "dist", "main.js"), "m();\n//# sourceMappingURL=main.js.map\n");
            File.WriteAllText(Path.Combine(root, "dist", "main.js.map"), Map(("../src/main.ts", "main\n")));

            var result = ScanPath(root, isDirectory: true);

            result.Target.Sha256.ShouldBeNull();
            result.Target.Name.ShouldBe("@acme/cli");
            result.Single(SourceMapRules.EmbeddedSources).Location.Path.ShouldBe("dist/main.js.map");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_map_cut_short_by_the_entry_limit_is_still_reported_as_incomplete()
    {
        var big = Map(("../src/a.ts", new string('x', 10_000) + "\n"), ("../src/b.ts", "b\n"));
        var bytes = TestArchive.TarGz([TestFile.Text("package/package.json", Proprietary), TestFile.Text("package/a.js.map", big)]);

        var result = ScanBytes(bytes, "pkg.tgz", PackGuard.Artifacts.ArtifactLimits.Default with { MaxEntrySize = 4096 });

        var finding = result.Single(SourceMapRules.EmbeddedSources);
        finding.Properties["complete"]!.GetValue<bool>().ShouldBeFalse();
        finding.Message.ShouldContain("could not be read to the end");
        result.Findings.ShouldContain(f => f.RuleId == "archive/limits-exceeded");
    }

    [Fact]
    public void Describes_the_target_and_orders_findings_most_severe_first()
    {
        var bytes = TestArchive.TarGz(
        [
            TestFile.Text("package/package.json", Proprietary),
            TestFile.Text("package/a.js", "a();\n//# sourceMappingURL=missing.js.map\n"),
            TestFile.Text("package/b.js.map", Map(("../src/b.ts", "b\n"))),
        ]);

        var result = ScanBytes(bytes, "acme-cli-3.1.0.tgz");

        result.Target.Sha256.ShouldBe(Sha256(bytes));
        result.Target.Size.ShouldBe(bytes.Length);
        result.Target.EntryCount.ShouldBe(3);
        result.Target.Name.ShouldBe("@acme/cli");
        result.Target.Version.ShouldBe("3.1.0");
        result.Target.License.ShouldBe("UNLICENSED");
        result.Target.Ecosystem.ShouldBe("npm");
        result.Findings.Select(f => f.Severity).ShouldBe([Severity.Critical, Severity.Low]);
    }
}
