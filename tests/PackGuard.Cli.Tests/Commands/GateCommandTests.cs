using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Sources.Npm;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>packguard gate</c> through a fake npm registry: the previous releases come from the
/// packument, their tarballs are scanned, and the registry signals come from the packument's
/// publishers, maintainers, attestations and publish times (against a fixed clock).
/// </summary>
public sealed class GateCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Registry = NpmFixture.Registry;
    private const string MapWithSources = """{"version":3,"file":"cli.js","sources":["../src/main.ts","../src/tools/run.ts"],"sourcesContent":["export const main = () => 1;\n","export function run() {\n  return 2;\n}\n"],"names":[],"mappings":"AAAA"}""";
    private const string MapWithoutSources = """{"version":3,"file":"cli.js","sources":["../src/main.ts"],"names":[],"mappings":"AAAA"}""";

    private readonly CliSandbox _cli = new() { Clock = new FixedClock(Now) };

    public void Dispose() => _cli.Dispose();

    private sealed record Fake(string Version, TestFile[] Files, string Publisher = "alice", string[]? Maintainers = null, bool Attested = false, double HoursAgo = 500);

    private static TestFile[] Files(string version, params TestFile[] extra) =>
        [TestFile.Text("package.json", $$"""{"name":"acme","version":"{{version}}","license":"MIT","main":"cli.js"}"""), TestFile.Text("cli.js", $"module.exports = '{version}';\n"), .. extra];

    private void Publish(params Fake[] versions)
    {
        var all = new JsonObject();
        var time = new JsonObject();
        foreach (var v in versions)
        {
            var tarball = TestArchive.NpmTarball(v.Files);
            var url = $"{Registry}acme/-/acme-{v.Version}.tgz";
            _cli.Http.Bytes(url, tarball);
            var dist = new JsonObject { ["tarball"] = url, ["integrity"] = NpmFixture.Sri(tarball) };
            if (v.Attested)
                dist["attestations"] = new JsonObject { ["url"] = $"{Registry}-/npm/v1/attestations/acme@{v.Version}", ["provenance"] = new JsonObject { ["predicateType"] = "https://slsa.dev/provenance/v1" } };
            all[v.Version] = new JsonObject
            {
                ["name"] = "acme", ["version"] = v.Version, ["dist"] = dist,
                ["_npmUser"] = new JsonObject { ["name"] = v.Publisher, ["email"] = $"{v.Publisher}@example.com" },
                ["maintainers"] = new JsonArray([.. (v.Maintainers ?? ["alice"]).Select(m => (JsonNode)new JsonObject { ["name"] = m })]),
            };
            time[v.Version] = Now.AddHours(-v.HoursAgo).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        }
        var latest = versions[^1].Version;
        _cli.Http.Json(Registry + "acme", new JsonObject { ["name"] = "acme", ["dist-tags"] = new JsonObject { ["latest"] = latest }, ["versions"] = all, ["time"] = time }.ToJsonString());
    }

    [Fact]
    public async Task A_credential_a_blocked_scan_caught_is_not_rotated_in_a_release_the_gate_judges_even_when_not_new()
    {
        _cli.Variables["PACKGUARD_LEDGER"] = Path.Combine(_cli.Home, "ledger.db");
        var token = PackGuard.Inspectors.Secrets.Validators.Base62Checksum.Create("gh" + "p_", "R8sKfA0c3Lm1qWzX7yTbN4vJ2uPeD9");
        var config = TestFile.Text("config.js", $"module.exports = '{token}';\n");
        _cli.WriteFile("leak-1.0.0.tgz", TestArchive.NpmTarball([TestFile.Text("package.json", """{"name":"other","version":"1.0.0"}"""), config]));
        Publish(new("1.0.0", Files("1.0.0", config), HoursAgo: 900), new("1.1.0", Files("1.1.0", config), HoursAgo: 700));

        (await _cli.RunAsync("scan", "leak-1.0.0.tgz")).ExitCode.ShouldBe(ExitCodes.Fail);
        var result = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var finding = JsonNode.Parse(result.Output)!["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "credential/not-rotated")!;
        finding["properties"]!["firstSeenTarget"]!.GetValue<string>().ShouldBe("leak-1.0.0.tgz");
    }

    [Fact]
    public async Task A_release_that_adds_a_map_with_sources_fails_and_the_sentence_names_it_and_the_history()
    {
        Publish(new("1.0.0", Files("1.0.0"), HoursAgo: 900), new("1.1.0", Files("1.1.0"), HoursAgo: 700),
            new("1.2.0", Files("1.2.0", TestFile.Text("cli.js.map", MapWithSources)), HoursAgo: 100));

        var result = await _cli.RunAsync("gate", "npm:acme@1.2.0");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var first = result.Output.Split('\n')[0];
        first.ShouldStartWith("acme@1.2.0 adds cli.js.map (");
        first.ShouldContain("2 first-party sources");
        first.ShouldEndWith("none of the previous 2 releases shipped a source map.");
        result.Output.ShouldContain("npm:acme@1.1.0 → npm:acme@1.2.0");
    }

    [Fact]
    public async Task Sarif_carries_the_verdict_sentence_and_what_was_compared_and_validates()
    {
        Publish(new("1.0.0", Files("1.0.0"), HoursAgo: 900), new("1.1.0", Files("1.1.0"), HoursAgo: 700),
            new("1.2.0", Files("1.2.0", TestFile.Text("cli.js.map", MapWithSources)), HoursAgo: 100));

        var result = await _cli.RunAsync("gate", "npm:acme@1.2.0", "--format", "sarif");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var errors = JsonSchemaValidator.FromFile(Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json")).Validate(result.Output);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        var gate = JsonNode.Parse(result.Output)!["runs"]![0]!["properties"]!["gate"]!;
        gate["verdict"]!.GetValue<string>().ShouldStartWith("acme@1.2.0 adds cli.js.map (");
        gate["releasesCompared"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["1.1.0", "1.0.0"]);
    }

    [Fact]
    public async Task A_kind_of_file_an_earlier_release_shipped_is_not_news_unless_history_is_cut_to_one_release()
    {
        Publish(new("1.0.0", Files("1.0.0", TestFile.Text("cli.js.map", MapWithoutSources)), HoursAgo: 900), new("1.1.0", Files("1.1.0"), HoursAgo: 700),
            new("1.2.0", Files("1.2.0", TestFile.Text("cli.js.map", MapWithoutSources)), HoursAgo: 100));

        var withHistory = await _cli.RunAsync("gate", "npm:acme@1.2.0", "--format", "json");
        var previousOnly = await _cli.RunAsync("gate", "npm:acme@1.2.0", "--format", "json", "--history", "1");

        withHistory.ExitCode.ShouldBe(ExitCodes.Pass, withHistory.ToString());
        var json = JsonNode.Parse(withHistory.Output)!;
        json["findings"]!.AsArray().Select(f => f!["ruleId"]!.GetValue<string>()).ShouldNotContain("diff/new-file-kind");
        json["gate"]!["releasesCompared"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["1.1.0", "1.0.0"]);
        json["gate"]!["verdict"]!.GetValue<string>().ShouldStartWith("No change a release manager needs to look at in acme@1.2.0 compared with the previous 2 releases");

        previousOnly.ExitCode.ShouldBe(ExitCodes.Pass, previousOnly.ToString());
        var kind = JsonNode.Parse(previousOnly.Output)!["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "diff/new-file-kind")!;
        kind["severity"]!.GetValue<string>().ShouldBe("low");
        _cli.Http.CountFor($"{Registry}acme/-/acme-1.0.0.tgz").ShouldBe(1); // --history 1 does not fetch 1.0.0 at all
    }

    [Fact]
    public async Task A_new_publisher_lost_provenance_new_maintainer_and_a_young_release_are_registry_signals()
    {
        Publish(new("1.0.0", Files("1.0.0"), Attested: true, HoursAgo: 900), new("1.1.0", Files("1.1.0"), Attested: true, HoursAgo: 700),
            new("1.2.0", Files("1.2.0"), Publisher: "mallory", Maintainers: ["alice", "mallory"], HoursAgo: 5));

        var result = await _cli.RunAsync("gate", "npm:acme@1.2.0", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail, result.ToString());
        var json = JsonNode.Parse(result.Output)!;
        json["gate"]!["signals"]!.AsArray().Select(s => s!.GetValue<string>())
            .ShouldBe(["gate/new-publisher", "gate/provenance-lost", "gate/maintainers-changed", "gate/too-new"], ignoreOrder: true);
        var sentence = json["gate"]!["verdict"]!.GetValue<string>();
        sentence.ShouldStartWith("acme@1.2.0 fails the gate (gate/");
        var tooNew = json["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "gate/too-new")!;
        tooNew["message"]!.GetValue<string>().ShouldContain("published 5 hours ago");
        var publisher = json["findings"]!.AsArray().Single(f => f!["ruleId"]!.GetValue<string>() == "gate/new-publisher")!;
        publisher["severity"]!.GetValue<string>().ShouldBe("high");
        publisher["message"]!.GetValue<string>().ShouldBe("acme@1.2.0 was published by mallory, who published none of the previous 2 releases (published by alice).");
    }

    [Fact]
    public async Task The_cooldown_is_an_option()
    {
        Publish(new("1.0.0", Files("1.0.0"), HoursAgo: 900), new("1.1.0", Files("1.1.0"), HoursAgo: 5));

        var defaultCooldown = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--format", "json", "--fail-on", "medium");
        var shortCooldown = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--format", "json", "--fail-on", "medium", "--cooldown", "4h");
        var badCooldown = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--cooldown", "soon");

        defaultCooldown.ExitCode.ShouldBe(ExitCodes.Fail, defaultCooldown.ToString());
        JsonNode.Parse(defaultCooldown.Output)!["gate"]!["signals"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["gate/too-new"]);
        shortCooldown.ExitCode.ShouldBe(ExitCodes.Pass, shortCooldown.ToString());
        JsonNode.Parse(shortCooldown.Output)!["gate"]!["cooldownHours"]!.GetValue<double>().ShouldBe(4);
        badCooldown.ExitCode.ShouldBe(ExitCodes.Usage);
        badCooldown.Error.ShouldContain("--cooldown 'soon'");
    }

    [Fact]
    public async Task The_config_file_sets_the_cooldown_and_the_option_wins_over_it()
    {
        Publish(new("1.0.0", Files("1.0.0"), HoursAgo: 900), new("1.1.0", Files("1.1.0"), HoursAgo: 5));
        _cli.WriteFile("gate.json", """{ "gate": { "cooldown": "4h" } }""");
        _cli.WriteFile("bad.json", """{ "gate": { "cooldown": "soon" } }""");

        var fromConfig = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--format", "json", "--fail-on", "medium", "--config", "gate.json");
        var optionWins = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--format", "json", "--fail-on", "medium", "--config", "gate.json", "--cooldown", "6h");
        var bad = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--config", "bad.json");

        fromConfig.ExitCode.ShouldBe(ExitCodes.Pass, fromConfig.ToString());
        JsonNode.Parse(fromConfig.Output)!["gate"]!["cooldownHours"]!.GetValue<double>().ShouldBe(4);
        optionWins.ExitCode.ShouldBe(ExitCodes.Fail, optionWins.ToString());
        JsonNode.Parse(optionWins.Output)!["gate"]!["cooldownHours"]!.GetValue<double>().ShouldBe(6);
        bad.ExitCode.ShouldBe(ExitCodes.Usage);
        bad.Error.ShouldContain("gate.cooldown must be a duration such as \"48h\"");
    }

    [Fact]
    public async Task A_local_target_needs_against_and_works_with_it()
    {
        var old = _cli.WriteFile("old.tgz", TestArchive.NpmTarball(Files("1.0.0")));
        var @new = _cli.WriteFile("new.tgz", TestArchive.NpmTarball(Files("1.0.1", TestFile.Text("cli.js.map", MapWithSources))));

        var without = await _cli.RunAsync("gate", @new);
        var with = await _cli.RunAsync("gate", @new, "--against", old);

        without.ExitCode.ShouldBe(ExitCodes.Usage, without.ToString());
        without.Error.ShouldContain("--against");
        with.ExitCode.ShouldBe(ExitCodes.Fail, with.ToString());
        with.Output.Split('\n')[0].ShouldEndWith("none of the previous release shipped a source map.");
    }

    [Fact]
    public async Task A_gate_whose_scans_run_out_of_time_exits_3_unless_allowed_incomplete()
    {
        Publish(new("1.0.0", Files("1.0.0"), HoursAgo: 900), new("1.1.0", Files("1.1.0"), HoursAgo: 700));
        _cli.WriteFile("budget.json", """{ "limits": { "maxScanTime": "0s" } }""");

        var strict = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--config", "budget.json");
        var allowed = await _cli.RunAsync("gate", "npm:acme@1.1.0", "--config", "budget.json", "--allow-incomplete", "--format", "json");

        strict.ExitCode.ShouldBe(ExitCodes.Unreadable, strict.ToString());
        strict.Error.ShouldContain("gate incomplete");
        strict.Error.ShouldContain("--allow-incomplete");
        allowed.ExitCode.ShouldBe(ExitCodes.Pass, allowed.ToString());
        JsonNode.Parse(allowed.Output)!["incomplete"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_first_release_has_nothing_to_compare_with_and_an_unknown_version_cannot_be_read()
    {
        Publish(new Fake("1.0.0", Files("1.0.0")));

        var first = await _cli.RunAsync("gate", "npm:acme@1.0.0");
        var missing = await _cli.RunAsync("gate", "npm:acme@9.9.9");

        first.ExitCode.ShouldBe(ExitCodes.Usage, first.ToString());
        first.Error.ShouldContain("no release of acme before 1.0.0");
        missing.ExitCode.ShouldBe(ExitCodes.Unreadable, missing.ToString());
    }
}
