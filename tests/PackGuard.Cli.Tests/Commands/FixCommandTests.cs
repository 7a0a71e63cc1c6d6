using System.Diagnostics;
using System.Text.Json;
using PackGuard.Cli.Tests.Support;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Validators;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard fix</c> end to end with the real npm and git: a proprietary package with a map
/// holding its sources, a .env and an .npmrc with credentials and tests gets a diff; after
/// <c>--write</c> (or <c>git apply</c>) a rebuilt package scans clean of those findings.
/// </summary>
public sealed class FixCommandTests : IDisposable
{
    private readonly CliSandbox _cli = new();
    private readonly string _envToken = Base62Checksum.Create("gh" + "p_", SampleText.Random(30, SampleText.Base62, 9101));
    private readonly string _npmToken = Base62Checksum.Create("np" + "m_", SampleText.Random(30, SampleText.Base62, 9102));

    public void Dispose() => _cli.Dispose();

    private void WritePackage()
    {
        _cli.WriteFile("pkg/package.json", """
            {
              "name": "acme-cli",
              "version": "1.0.0",
              "license": "UNLICENSED",
              "main": "index.js",
              "bin": {
                "acme": "dist/cli.js"
              },
              "scripts": {
                "build": "esbuild src/cli.ts --bundle --platform=node --sourcemap --outfile=dist/cli.js"
              }
            }

            """);
        _cli.WriteFile("pkg/index.js", "module.exports = require('./dist/cli.js');\n");
        _cli.WriteFile("pkg/dist/cli.js", "#!/usr/bin/env node\nconsole.log('acme');\n//# sourceMappingURL=cli.js.map\n");
        _cli.WriteFile("pkg/dist/cli.js.map", """{"version":3,"file":"cli.js","sources":["../src/cli.ts","../src/billing/charge.ts"],"sourcesContent":["import { charge } from './billing/charge';\nconsole.log('acme');\n","export function charge(cents: number) {\n  return cents * 2;\n}\n"],"mappings":"AAAA"}""");
        _cli.WriteFile("pkg/.env", $"GITHUB_TOKEN={_envToken}\nDATABASE_URL=postgres://admin:hunter2@db.internal:5432/prod\n");
        _cli.WriteFile("pkg/.npmrc", $"//registry.npmjs.org/:_authToken={_npmToken}\n");
        _cli.WriteFile("pkg/test/cli.test.js", "require('../index.js');\n");
    }

    [Fact]
    public async Task Proposes_a_diff_that_git_applies_and_changes_nothing()
    {
        WritePackage();
        var before = File.ReadAllText(Path.Combine(_cli.Work, "pkg/package.json"));

        var result = await _cli.RunAsync("fix", "pkg");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        File.ReadAllText(Path.Combine(_cli.Work, "pkg/package.json")).ShouldBe(before);
        result.Output.ShouldContain("npm pack --ignore-scripts --json --pack-destination <temporary directory>");
        result.Output.ShouldContain("The automation proposes; a person approves.");
        result.Output.ShouldContain("CRITICAL source-map/embedded-sources at dist/cli.js.map (fixed by the change)");
        result.Output.ShouldContain("CRITICAL secret/github-pat-classic at .env (fixed by the change)");
        result.Output.ShouldContain("No longer published (3): .env, dist/cli.js.map, test/cli.test.js.");
        result.Output.ShouldNotContain(_envToken);
        var patch = Path.Combine(_cli.Work, "fix.patch");
        File.WriteAllText(patch, result.Output);
        Run("git", _cli.Work + "/pkg", "init", "-q");
        Run("git", _cli.Work + "/pkg", "apply", "--check", patch);
        Run("git", _cli.Work + "/pkg", "apply", patch);
        var repacked = await RepackAndScan();
        repacked.ShouldNotContain("source-map/embedded-sources");
        repacked.ShouldNotContain("secret/");
    }

    [Fact]
    public async Task Write_applies_the_change_and_a_rebuilt_package_scans_clean_of_those_findings()
    {
        WritePackage();
        var first = await ScanFindings();
        first.ShouldContain("source-map/embedded-sources");
        first.ShouldContain("secret/github-pat");

        var result = await _cli.RunAsync("fix", "pkg", "--write");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        result.Output.ShouldContain("Wrote package.json.");
        var written = File.ReadAllText(Path.Combine(_cli.Work, "pkg/package.json"));
        written.ShouldContain("\"files\": [\n    \"dist\",\n    \"index.js\",\n    \"!dist/**/*.map\"\n  ],\n  \"scripts\"");
        written.ShouldContain("--sourcemap --sources-content=false");
        written.ShouldEndWith("}\n");
        Directory.GetFiles(Path.Combine(_cli.Work, "pkg"), "*.tmp").ShouldBeEmpty();

        var after = await RepackAndScan();
        after.ShouldNotContain("source-map/embedded-sources");
        after.ShouldNotContain("secret/");
        // What is left: dist/cli.js still names the map that no longer ships (low) until the
        // bundle is rebuilt; the next run proposes the esbuild option that drops the comment.
        after.ShouldBe("source-map/dangling-reference@package/dist/cli.js");
        var again = await _cli.RunAsync("fix", "pkg");
        again.ExitCode.ShouldBe(ExitCodes.Fail, again.ToString());
        again.Output.ShouldContain("LOW source-map/dangling-reference at dist/cli.js (fixed by the change)");
        again.Output.ShouldContain("+    \"build\": \"esbuild src/cli.ts --bundle --platform=node --sourcemap=external --sources-content=false --outfile=dist/cli.js\"");
    }

    [Fact]
    public async Task Json_carries_the_diff_and_every_finding()
    {
        WritePackage();

        var result = await _cli.RunAsync("fix", "pkg", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("ecosystem").GetString().ShouldBe("npm");
        root.GetProperty("changeNeeded").GetBoolean().ShouldBeTrue();
        root.GetProperty("written").GetBoolean().ShouldBeFalse();
        root.GetProperty("diff").GetString()!.ShouldStartWith("diff --git a/package.json b/package.json\n");
        root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ShouldContain("source-map/embedded-sources");
        root.GetProperty("ran")[0].GetString()!.ShouldStartWith("npm pack --ignore-scripts");
    }

    [Fact]
    public async Task A_clean_package_needs_no_change()
    {
        _cli.WriteFile("clean/package.json", "{\"name\":\"clean\",\"version\":\"1.0.0\",\"license\":\"MIT\",\"main\":\"index.js\"}\n");
        _cli.WriteFile("clean/index.js", "module.exports = 1;\n");

        var result = await _cli.RunAsync("fix", "clean");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        result.Output.ShouldContain("No change needed");
    }

    [Fact]
    public async Task Usage_and_unreadable_inputs_have_their_exit_codes()
    {
        _cli.WriteFile("empty/readme.txt", "x");
        _cli.WriteFile("py/setup.py", "from setuptools import setup\n");
        _cli.WriteFile("net/Acme.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        _cli.WriteFile("bad/package.json", "{ not json");
        _cli.WriteFile("bad/index.js", "1;\n");

        (await _cli.RunAsync("fix", "missing")).ExitCode.ShouldBe(ExitCodes.Unreadable);
        (await _cli.RunAsync("fix", "empty")).ExitCode.ShouldBe(ExitCodes.Usage);
        (await _cli.RunAsync("fix", "py")).Error.ShouldContain("--artifact");
        (await _cli.RunAsync("fix", "net")).ExitCode.ShouldBe(ExitCodes.Usage);
        (await _cli.RunAsync("fix", "bad")).ExitCode.ShouldBe(ExitCodes.Unreadable);
        (await _cli.RunAsync("fix", "empty", "--format", "sarif")).ExitCode.ShouldBe(ExitCodes.Usage);
    }

    [Fact]
    public async Task Artifact_is_scanned_instead_of_building()
    {
        _cli.WriteFile("pkg/package.json", "{\n  \"name\": \"acme\",\n  \"version\": \"1.0.0\",\n  \"main\": \"index.js\"\n}\n");
        _cli.WriteFile("acme.tgz", TestArchive.NpmTarball(
            TestFile.Text("package.json", "{\"name\":\"acme\",\"version\":\"1.0.0\",\"license\":\"UNLICENSED\",\"main\":\"index.js\"}"),
            TestFile.Text("index.js", "1;\n"),
            TestFile.Text("index.js.map", """{"version":3,"sources":["src/a.ts"],"sourcesContent":["let a = 1;\n"],"mappings":"AAAA"}""")));

        var result = await _cli.RunAsync("fix", "pkg", "--artifact", "acme.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        result.Output.ShouldContain("Package: acme.tgz.");
        result.Output.ShouldContain("+  \"files\": [\n+    \"index.js\"\n+  ]\n");
    }

    [Fact]
    public async Task Help_matches_snapshot()
    {
        var result = await _cli.RunAsync("fix", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
        Snapshot.Match(result.Output, "fix-help.txt");
    }

    private async Task<string> RepackAndScan()
    {
        var output = Path.Combine(_cli.Work, "out");
        Directory.CreateDirectory(output);
        foreach (var old in Directory.GetFiles(output))
            File.Delete(old);
        Run("npm", Path.Combine(_cli.Work, "pkg"), "pack", "--ignore-scripts", "--pack-destination", output);
        var tarball = Directory.GetFiles(output, "*.tgz").ShouldHaveSingleItem();
        var scan = await _cli.RunAsync("scan", tarball, "--format", "json", "--fail-on", "none");
        return string.Join(",", JsonDocument.Parse(scan.Output).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString() + "@" + f.GetProperty("location").GetProperty("path").GetString()));
    }

    private async Task<string> ScanFindings()
    {
        var scan = await _cli.RunAsync("scan", Path.Combine(_cli.Work, "pkg"), "--format", "json", "--fail-on", "none");
        return string.Join(",", JsonDocument.Parse(scan.Output).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()));
    }

    private static void Run(string tool, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
    }
}
