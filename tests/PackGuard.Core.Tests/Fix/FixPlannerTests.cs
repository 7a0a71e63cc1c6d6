using System.Text.Json.Nodes;
using PackGuard.Artifacts.Inventory;
using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;
using PackGuard.Fix;
using PackGuard.Rules;
using PackGuard.Scanning;

namespace PackGuard.Tests.Fix;

/// <summary>
/// The planner works from each finding's rule family and location: findings of the rules on main
/// and synthetic findings of families that land later (file/*, debug-symbols/*, exposure/*,
/// install/*) get the same treatment by where they are.
/// </summary>
public sealed class FixPlannerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("packguard-fixplan-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string PackageJson = """
        {
          "name": "acme-cli",
          "version": "1.0.0",
          "license": "UNLICENSED",
          "main": "index.js",
          "bin": {
            "acme": "dist/cli.js"
          },
          "scripts": {
            "build": "esbuild src/cli.ts --bundle --sourcemap --outfile=dist/cli.js"
          }
        }

        """;

    private static readonly string[] PackageFiles = ["package.json", "index.js", "lib/util.js", "dist/cli.js", "dist/cli.js.map", "dist/chunk.js", ".env", "test/a.test.js", "README.md", "docs/internal.md"];

    [Fact]
    public void Npm_without_files_gets_an_allowlist_of_what_the_entry_points_need_and_what_may_be_loaded_at_run_time()
    {
        Write("package.json", PackageJson);
        Write("index.js", "module.exports = require('./lib/util');\n");
        var plan = Plan("npm", PackageFiles,
            Finding("source-map/embedded-sources", "dist/cli.js.map", Severity.Critical),
            Finding("file/env-file", ".env", Severity.High),
            Finding("secret/github-pat", ".env", Severity.Critical));

        var change = plan.Changes.ShouldHaveSingleItem();
        change.Path.ShouldBe("package.json");
        change.NewText.ShouldContain("""
              "files": [
                "dist",
                "docs",
                "index.js",
                "lib",
                "!dist/**/*.map"
              ],
            """.ReplaceLineEndings("\n"));
        change.NewText.ShouldContain("--sourcemap --sources-content=false");
        // docs/ is not an entry point's, but nothing says it should go, and a package may read it by a
        // computed path; tests and dotfiles no installed package needs leave with the findings' files.
        plan.DroppedFiles.ShouldBe([".env", "dist/cli.js.map", "test/a.test.js"]);
        plan.Items.ShouldAllBe(i => i.Automatic);
        plan.Items.Single(i => i.Finding.RuleId == "secret/github-pat").Action.ShouldContain("rotate the credential");
        plan.ChangeNeeded.ShouldBeTrue();
        // Formatting is kept: the rest of the file is byte for byte what it was.
        change.NewText.Replace(change.NewText[change.NewText.IndexOf("  \"files\"", StringComparison.Ordinal)..(change.NewText.IndexOf("],", StringComparison.Ordinal) + 3)], "").ShouldBe(PackageJson.Replace("--sourcemap", "--sourcemap --sources-content=false", StringComparison.Ordinal));
    }

    [Fact]
    public void The_diff_applies_with_git_and_names_package_json()
    {
        Write("package.json", PackageJson);
        var plan = Plan("npm", PackageFiles, Finding("file/env-file", ".env", Severity.High));

        plan.Diff.ShouldStartWith("diff --git a/package.json b/package.json\n--- a/package.json\n+++ b/package.json\n@@ ");
        var applied = GitApply.Apply(new Dictionary<string, string> { ["package.json"] = PackageJson }, plan.Diff);
        applied["package.json"].ShouldBe(plan.Changes[0].NewText);
    }

    [Fact]
    public void A_finding_in_an_entry_point_cannot_be_dropped_and_needs_a_person()
    {
        Write("package.json", PackageJson);
        var plan = Plan("npm", PackageFiles, Finding("secret/github-pat", "dist/cli.js", Severity.Critical));

        plan.Changes.ShouldBeEmpty();
        var item = plan.Items.ShouldHaveSingleItem();
        item.Kinds.ShouldBe([FixKind.Manual]);
        item.Action.ShouldContain("dist/cli.js stays in the package: it is an entry point");
        plan.ChangeNeeded.ShouldBeTrue();
    }

    [Fact]
    public void Code_beside_an_entry_point_is_kept_but_unintended_files_there_are_dropped()
    {
        Write("package.json", PackageJson);
        var plan = Plan("npm", [.. PackageFiles, "dist/.npmrc"],
            Finding("exposure/internal-hostname", "dist/chunk.js", Severity.Medium),
            Finding("file/npmrc", "dist/.npmrc", Severity.High));

        plan.Items.Single(i => i.PackagePath == "dist/chunk.js").Kinds.ShouldBe([FixKind.Manual]);
        plan.Items.Single(i => i.PackagePath == "dist/.npmrc").Kinds.ShouldBe([FixKind.DropFile]);
        plan.Changes[0].NewText.ShouldContain("\"!dist/.npmrc\"");
    }

    [Fact]
    public void An_existing_files_list_gets_the_smallest_edit()
    {
        Write("package.json", "{\n    \"name\": \"a\",\n    \"version\": \"1.0.0\",\n    \"main\": \"dist/index.js\",\n    \"files\": [\"dist\", \".env\"]\n}");
        var plan = Plan("npm", ["package.json", "dist/index.js", "dist/index.js.map", ".env"],
            Finding("source-map/embedded-sources", "dist/index.js.map", Severity.Critical),
            Finding("file/env-file", ".env", Severity.High));

        plan.Changes.ShouldHaveSingleItem().NewText.ShouldBe("{\n    \"name\": \"a\",\n    \"version\": \"1.0.0\",\n    \"main\": \"dist/index.js\",\n    \"files\": [\"dist\", \"!dist/**/*.map\"]\n}");
        plan.DroppedFiles.ShouldBe([".env", "dist/index.js.map"]);
    }

    [Fact]
    public void Tabs_and_crlf_are_kept()
    {
        Write("package.json", "{\r\n\t\"name\": \"a\",\r\n\t\"version\": \"1.0.0\",\r\n\t\"main\": \"index.js\"\r\n}\r\n");
        var plan = Plan("npm", ["package.json", "index.js", ".env"], Finding("file/env-file", ".env", Severity.High));

        plan.Changes[0].NewText.ShouldBe("{\r\n\t\"name\": \"a\",\r\n\t\"version\": \"1.0.0\",\r\n\t\"main\": \"index.js\",\r\n\t\"files\": [\r\n\t\t\"index.js\"\r\n\t]\r\n}\r\n");
    }

    [Fact]
    public void Without_entry_points_npmignore_lines_carry_the_gitignore_over()
    {
        Write("package.json", "{\"name\":\"styles\",\"version\":\"1.0.0\"}");
        Write(".gitignore", "node_modules\n.env\n");
        var plan = Plan("npm", ["package.json", "theme.css", "theme.css.map", "secrets.txt"],
            Finding("source-map/embedded-sources", "theme.css.map", Severity.Medium),
            Finding("secret/aws-access-key", "secrets.txt", Severity.Critical));

        var change = plan.Changes.ShouldHaveSingleItem();
        change.Path.ShouldBe(".npmignore");
        change.OldText.ShouldBeNull();
        change.NewText.ShouldStartWith("# From .gitignore: npm stops reading it once .npmignore exists.\nnode_modules\n.env\n");
        change.NewText.ShouldEndWith("*.map\n/secrets.txt\n");
    }

    [Fact]
    public void Whole_artifact_findings_and_install_scripts_need_a_person()
    {
        Write("package.json", PackageJson);
        var plan = Plan("npm", PackageFiles,
            Finding("install/remote-script", "package.json", Severity.High),
            Finding("archive/limits-exceeded", "", Severity.High));

        plan.Changes.ShouldBeEmpty();
        plan.Items.ShouldAllBe(i => i.Kinds.SequenceEqual(new[] { FixKind.Manual }));
    }

    [Fact]
    public void Info_findings_need_no_change()
    {
        Write("package.json", PackageJson);
        var plan = Plan("npm", PackageFiles, Finding("file/env-file", ".env", Severity.Info));

        plan.ChangeNeeded.ShouldBeFalse();
        plan.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Debug_symbol_findings_set_msbuild_properties_in_directory_build_props()
    {
        Write("Acme.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <DebugType>embedded</DebugType>\n    <Authors>Acme</Authors>\n  </PropertyGroup>\n</Project>\n");
        var plan = Plan("nuget", ["lib/net8.0/Acme.dll", "Acme.nuspec"],
            Finding("debug-symbols/embedded-source", "lib/net8.0/Acme.dll", Severity.Critical),
            Finding("debug-symbols/build-path", "lib/net8.0/Acme.dll", Severity.Low));

        var change = plan.Changes.ShouldHaveSingleItem();
        change.Path.ShouldBe("Directory.Build.props");
        change.NewText.ShouldBe("<Project>\n  <PropertyGroup>\n    <DebugType>portable</DebugType>\n    <Authors>Acme</Authors>\n    <EmbedAllSources>false</EmbedAllSources>\n    <IncludeSymbols>true</IncludeSymbols>\n    <SymbolPackageFormat>snupkg</SymbolPackageFormat>\n    <PathMap>$(MSBuildThisFileDirectory)=/_/</PathMap>\n  </PropertyGroup>\n</Project>\n");
        plan.Items.ShouldAllBe(i => i.Kinds.SequenceEqual(new[] { FixKind.BuildOption }));
        GitApply.Apply(new Dictionary<string, string> { ["Directory.Build.props"] = change.OldText! }, plan.Diff)["Directory.Build.props"].ShouldBe(change.NewText);
    }

    [Fact]
    public void Debug_symbols_in_a_project_without_property_group_get_one()
    {
        Write("Acme.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n");
        var plan = Plan("nuget", ["lib/net8.0/Acme.pdb"], Finding("debug-symbols/pdb-in-package", "lib/net8.0/Acme.pdb", Severity.Medium));

        plan.Changes.ShouldHaveSingleItem().NewText.ShouldBe("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <DebugType>portable</DebugType>\n    <IncludeSymbols>true</IncludeSymbols>\n    <SymbolPackageFormat>snupkg</SymbolPackageFormat>\n  </PropertyGroup>\n</Project>\n");
    }

    [Fact]
    public void Python_excludes_go_to_manifest_in_or_hatch()
    {
        Write("setup.py", "from setuptools import setup\nsetup()\n");
        Write("MANIFEST.in", "include README.md");
        var plan = Plan("pypi", ["acme/__init__.py", "acme/static/app.js.map", "acme/.env", "acme-1.0.dist-info/METADATA"],
            Finding("source-map/embedded-sources", "acme/static/app.js.map", Severity.Critical),
            Finding("file/env-file", "acme/.env", Severity.High),
            Finding("secret/github-pat", "acme/__init__.py", Severity.Critical));

        plan.Changes.ShouldHaveSingleItem().NewText.ShouldBe("include README.md\nexclude acme/.env\nglobal-exclude *.map\n");
        plan.Items.Single(i => i.PackagePath == "acme/__init__.py").Kinds.ShouldBe([FixKind.Manual]);

        Directory.Delete(_directory, recursive: true);
        Directory.CreateDirectory(_directory);
        Write("pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n[tool.hatch.build]\nexclude = [\"/tests\"]\n");
        var hatch = Plan("pypi", ["acme/__init__.py", "acme/.env"], Finding("file/env-file", "acme/.env", Severity.High));
        hatch.Changes.ShouldHaveSingleItem().NewText.ShouldEndWith("[tool.hatch.build]\nexclude = [\"/tests\", \"/acme/.env\"]\n");
    }

    [Fact]
    public void A_folder_finding_covers_every_file_under_the_folder()
    {
        Write("package.json", PackageJson);
        Write("index.js", "module.exports = require('./lib/util');\n");
        var plan = Plan("npm", [.. PackageFiles, "coverage/lcov.info", "coverage/lcov-report/index.html", "lib/__tests__/util.test.js", "lib/__tests__/fixtures/a.json"],
            Finding("file/coverage", "coverage/", Severity.Low),
            Finding("file/tests", "lib/__tests__/", Severity.Low));

        plan.DroppedFiles.ShouldContain("coverage/lcov.info");
        plan.DroppedFiles.ShouldContain("coverage/lcov-report/index.html");
        plan.DroppedFiles.ShouldContain("lib/__tests__/fixtures/a.json");
        plan.Changes.ShouldHaveSingleItem().NewText.ShouldContain("\"!lib/__tests__/fixtures/a.json\"");
        var coverage = plan.Items.Single(i => i.Finding.RuleId == "file/coverage");
        coverage.Automatic.ShouldBeTrue();
        coverage.PackagePath.ShouldBe("coverage/");
        plan.Items.Single(i => i.Finding.RuleId == "file/tests").Automatic.ShouldBeTrue();
    }

    [Fact]
    public void A_grouped_finding_covers_the_files_it_lists()
    {
        Write("package.json", PackageJson);
        Write("index.js", "module.exports = require('./lib/util');\n");
        var logs = Finding("file/log", "lib/a.log", Severity.Low) with
        {
            Properties = new JsonObject { ["paths"] = new JsonArray("package/lib/a.log", "package/lib/deep/b.log") },
        };
        var plan = Plan("npm", [.. PackageFiles, "lib/a.log", "lib/deep/b.log"], logs);

        plan.Changes.ShouldHaveSingleItem().NewText.ShouldContain("\"!lib/a.log\",");
        plan.Changes[0].NewText.ShouldContain("\"!lib/deep/b.log\"");
        plan.Items.ShouldHaveSingleItem().Automatic.ShouldBeTrue();
    }

    private FixPlan Plan(string ecosystem, IReadOnlyList<string> packageFiles, params Finding[] findings)
    {
        var prefix = ecosystem == "npm" ? "package/" : "";
        var entries = packageFiles.Select(p => new InventoryEntry(p, prefix + p, 10, "00", FileKind.Text)).ToList();
        var scan = new ScanResult(new TargetInfo("x", ecosystem, "acme", "1.0.0", null, null, 0, entries.Count),
            [.. findings.Select(f => f with { Location = f.Location with { Path = f.Location.Path.Length == 0 ? "" : prefix + f.Location.Path } })])
        {
            Inventory = new ArtifactInventory(entries, PackageMetadata.None),
        };
        return new FixPlanner(RuleCatalog.Default).Plan(_directory, ecosystem, scan);
    }

    private static Finding Finding(string ruleId, string path, Severity severity) =>
        new(ruleId, severity, "t", "m", new FindingLocation(path), ruleId + path, new JsonObject());

    private void Write(string path, string text) => File.WriteAllText(Path.Combine(_directory, path), text);
}
