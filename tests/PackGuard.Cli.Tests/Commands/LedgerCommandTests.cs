using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Validators;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// The ledger through the command line: runs recorded by scan and deps, a credential caught in a
/// blocked run reported as not rotated in another package until a rotation is recorded, and
/// stats, list and the anonymized export.
/// </summary>
public sealed class LedgerCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Token = Base62Checksum.Create("gh" + "p_", SampleText.Random(30, SampleText.Base62, 8101));
    private readonly CliSandbox _cli = new() { Clock = new FixedClock(Now) };

    public LedgerCommandTests() => _cli.Variables["PACKGUARD_LEDGER"] = Path.Combine(_cli.Home, "ledger.db");

    public void Dispose() => _cli.Dispose();

    private void Package(string file, string name, string secretFile)
    {
        var bytes = TestArchive.TarGz([
            TestFile.Text("package/package.json", $$"""{"name":"{{name}}","version":"1.0.0","license":"MIT"}"""),
            TestFile.Text("package/" + secretFile, $"module.exports = {{ token: '{Token}' }};\n")]);
        _cli.WriteFile(file, bytes);
    }

    [Fact]
    public async Task A_credential_caught_once_is_not_rotated_in_another_package_until_a_rotation_is_recorded()
    {
        Package("first-1.0.0.tgz", "acme-first", "config.js");
        Package("second-1.0.0.tgz", "acme-second", "lib/settings.js");

        var first = await _cli.RunAsync("scan", "first-1.0.0.tgz", "--format", "json");
        var second = await _cli.RunAsync("scan", "second-1.0.0.tgz", "--format", "json");

        first.ExitCode.ShouldBe(ExitCodes.Fail, first.ToString());
        JsonNode.Parse(first.Output)!["findings"]!.AsArray().ShouldNotContain(f => f!["ruleId"]!.GetValue<string>() == "credential/not-rotated");
        var notRotated = JsonNode.Parse(second.Output)!["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "credential/not-rotated")!;
        notRotated["severity"]!.GetValue<string>().ShouldBe("critical");
        notRotated["location"]!["path"]!.GetValue<string>().ShouldBe("package/lib/settings.js");
        notRotated["properties"]!["firstSeenTarget"]!.GetValue<string>().ShouldBe("first-1.0.0.tgz");
        var fingerprint = notRotated["properties"]!["secretFingerprint"]!.GetValue<string>();
        (first.Output + second.Output).ShouldNotContain(Token);

        var rotated = await _cli.RunAsync("ledger", "rotated", fingerprint, "--by", "alice");
        var again = await _cli.RunAsync("scan", "second-1.0.0.tgz", "--format", "json");

        rotated.ExitCode.ShouldBe(ExitCodes.Pass, rotated.ToString());
        rotated.Output.ShouldContain("rotated by alice");
        JsonNode.Parse(again.Output)!["findings"]!.AsArray().ShouldNotContain(f => f!["ruleId"]!.GetValue<string>() == "credential/not-rotated");
        var unknown = await _cli.RunAsync("ledger", "rotated", "00112233445566778899aabbccddeeff", "--by", "alice");
        unknown.ExitCode.ShouldBe(ExitCodes.Usage);
        unknown.Error.ShouldContain("no recorded run found a credential");
    }

    [Fact]
    public async Task Stats_and_list_show_the_runs_and_near_misses_and_the_anonymized_export_names_nothing()
    {
        Package("first-1.0.0.tgz", "acme-first", "config.js");
        _cli.WriteFile("app/package-lock.json", PackGuard.Dependencies.Audit.ProjectSamples.PackageLock(PackGuard.Dependencies.Audit.ProjectSamples.Registry("left-pad", "1.3.0")).Content);
        for (var i = 0; i < 5; i++)
            await _cli.RunAsync("scan", "first-1.0.0.tgz");
        await _cli.RunAsync("deps", "app");

        var stats = await _cli.RunAsync("ledger", "stats");
        var list = await _cli.RunAsync("ledger", "list", "--near-misses");
        var json = await _cli.RunAsync("ledger", "export", "--anonymized");
        var stix = await _cli.RunAsync("ledger", "export", "--anonymized", "--format", "stix");
        var refused = await _cli.RunAsync("ledger", "export");

        stats.ExitCode.ShouldBe(ExitCodes.Pass, stats.ToString());
        stats.Output.ShouldContain("6 runs");
        stats.Output.ShouldContain("5 near misses");
        list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5);
        list.Output.ShouldContain("scan  local");
        list.Output.ShouldContain("first-1.0.0.tgz");
        json.ExitCode.ShouldBe(ExitCodes.Pass, json.ToString());
        JsonNode.Parse(json.Output).ShouldNotBeNull();
        JsonNode.Parse(stix.Output)!["type"]!.GetValue<string>().ShouldBe("bundle");
        foreach (var exported in new[] { json.Output, stix.Output })
        {
            foreach (var secretish in new[] { "acme-first", "first-1.0.0", "config.js", "left-pad", _cli.Home, Token, "2026-04-14" })
                exported.ShouldNotContain(secretish);
        }
        refused.ExitCode.ShouldBe(ExitCodes.Usage);
    }

    [Fact]
    public async Task Ledger_off_records_nothing_and_an_unreachable_named_ledger_is_exit_3_before_scanning()
    {
        Package("first-1.0.0.tgz", "acme-first", "config.js");

        await _cli.RunAsync("scan", "first-1.0.0.tgz", "--ledger", "off");
        var bad = await _cli.RunAsync("scan", "first-1.0.0.tgz", "--ledger", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2");

        File.Exists(Path.Combine(_cli.Home, "ledger.db")).ShouldBeFalse();
        bad.ExitCode.ShouldBe(ExitCodes.Unreadable, bad.ToString());
        bad.Error.ShouldStartWith("packguard: ledger: ");
        bad.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_secret_below_the_fail_on_level_in_a_run_blocked_by_something_else_is_not_remembered()
    {
        var bytes = TestArchive.TarGz([
            TestFile.Text("package/package.json", """{"name":"acme-first","version":"1.0.0","license":"MIT"}"""),
            TestFile.Text("package/.env", "API_URL=https://api.example.com\nDEBUG=1\n"),
            TestFile.Text("package/config.js", $"module.exports = {{ token: '{Token}' }};\n")]);
        _cli.WriteFile("first-1.0.0.tgz", bytes);
        Package("second-1.0.0.tgz", "acme-second", "config.js");
        _cli.WriteFile("quiet.json", """{ "rules": { "secret/github-pat-classic": { "severity": "info" } } }""");

        var first = await _cli.RunAsync("scan", "first-1.0.0.tgz", "--config", "quiet.json", "--fail-on", "low", "--format", "json");
        var second = await _cli.RunAsync("scan", "second-1.0.0.tgz", "--format", "json");

        first.ExitCode.ShouldBe(ExitCodes.Fail, first.ToString());
        JsonNode.Parse(second.Output)!["findings"]!.AsArray().ShouldNotContain(f => f!["ruleId"]!.GetValue<string>() == "credential/not-rotated");
    }
}
