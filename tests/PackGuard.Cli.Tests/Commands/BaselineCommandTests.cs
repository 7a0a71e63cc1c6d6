using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary><c>packguard baseline create</c> and <c>--baseline</c>: today's findings recorded, later runs report only new ones.</summary>
public sealed class BaselineCommandTests : IDisposable
{
    private const string Map = """{"version":3,"file":"cli.js","sources":["../src/index.ts"],"sourcesContent":["export const secretPlan = 1;\n"],"mappings":"AAAA"}""";
    private readonly CliSandbox _cli = new();

    public BaselineCommandTests()
    {
        _cli.Clock = new FixedClock(new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.Zero));
        _cli.WriteFile("app/package.json", """{"name":"acme-cli","version":"2.1.88","license":"UNLICENSED"}""");
        _cli.WriteFile("app/cli.js", "console.log(1);\n//# sourceMappingURL=cli.js.map\n");
        _cli.WriteFile("app/cli.js.map", Map);
    }

    public void Dispose() => _cli.Dispose();

    private string InWork(string name) => Path.Combine(_cli.Work, name);

    [Fact]
    public async Task Create_then_rescan_shows_nothing_then_a_new_finding_shows()
    {
        var created = await _cli.RunAsync("baseline", "create", "app");

        created.ExitCode.ShouldBe(ExitCodes.Pass, created.ToString());
        created.Output.ShouldBe("Wrote packguard.baseline.json: 1 finding from 1 target (1 critical)." + Environment.NewLine);
        var file = JsonNode.Parse(File.ReadAllText(InWork("packguard.baseline.json")))!;
        file["created"]!.GetValue<string>().ShouldBe("2026-04-01T09:30:00+00:00");
        var entry = file["findings"]!.AsArray().ShouldHaveSingleItem()!;
        entry["ruleId"]!.GetValue<string>().ShouldBe("source-map/embedded-sources");
        entry["path"]!.GetValue<string>().ShouldBe("cli.js.map");
        entry["severity"]!.GetValue<string>().ShouldBe("critical");
        entry["date"]!.GetValue<string>().ShouldBe("2026-04-01");

        var again = await _cli.RunAsync("scan", "app", "--baseline", "packguard.baseline.json", "--format", "json");
        again.ExitCode.ShouldBe(ExitCodes.Pass, again.ToString());
        var report = JsonNode.Parse(again.Output)!;
        report["findings"]!.AsArray().ShouldBeEmpty();
        report["policy"]!["baseline"]!.GetValue<string>().ShouldBe("packguard.baseline.json");
        report["policy"]!["baselined"]!.GetValue<int>().ShouldBe(1);

        _cli.WriteFile("app/dist/x.js.map", """{"version":3,"sources":["../src/feature/index.ts"],"mappings":"AAAA"}""");
        var later = await _cli.RunAsync("scan", "app", "--baseline", "packguard.baseline.json", "--format", "json");
        var newOnes = JsonNode.Parse(later.Output)!["findings"]!.AsArray();
        newOnes.ShouldHaveSingleItem()!["ruleId"]!.GetValue<string>().ShouldBe("source-map/paths-only");
        newOnes[0]!["location"]!["path"]!.GetValue<string>().ShouldBe("dist/x.js.map");
        var text = await _cli.RunAsync("scan", "app", "--baseline", "packguard.baseline.json");
        text.Output.ShouldContain("baseline: packguard.baseline.json (1 known finding not reported)");
    }

    [Fact]
    public async Task The_file_holds_no_secret_value()
    {
        const string Key = "AKIAZ4X7Q2MPLE5RTY3W";
        _cli.WriteFile("app/.env", $"AWS_ACCESS_KEY_ID={Key}\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY9\n");

        var created = await _cli.RunAsync("baseline", "create", "app", "--output", "base.json");

        created.ExitCode.ShouldBe(ExitCodes.Pass, created.ToString());
        var text = File.ReadAllText(InWork("base.json"));
        text.ShouldContain("secret/");
        text.ShouldNotContain(Key);
        text.ShouldNotContain("wJalrXUtnFEMI");
    }

    [Fact]
    public async Task An_existing_file_is_replaced_only_with_force()
    {
        _cli.WriteFile("packguard.baseline.json", "keep me");

        var refused = await _cli.RunAsync("baseline", "create", "app");
        refused.ExitCode.ShouldBe(ExitCodes.Usage);
        refused.Error.ShouldBe("packguard: baseline packguard.baseline.json already exists; pass --force to replace it" + Environment.NewLine);
        File.ReadAllText(InWork("packguard.baseline.json")).ShouldBe("keep me");

        var forced = await _cli.RunAsync("baseline", "create", "app", "--force");
        forced.ExitCode.ShouldBe(ExitCodes.Pass, forced.ToString());
        File.ReadAllText(InWork("packguard.baseline.json")).ShouldStartWith("{");
        Directory.GetFiles(_cli.Work, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreadable_target_writes_nothing_and_exits_3()
    {
        var result = await _cli.RunAsync("baseline", "create", "app", "missing.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        result.Error.ShouldEndWith("packguard: baseline not written: 1 of 2 targets could not be read (see above)" + Environment.NewLine);
        File.Exists(InWork("packguard.baseline.json")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, "baseline none.json: no such file (create one with packguard baseline create <target>...)")]
    [InlineData("[]", "baseline none.json: neither a PackGuard baseline (no \"kind\": \"packguard-baseline\") nor a PackGuard JSON report")]
    [InlineData("{", "baseline none.json: not valid JSON")]
    public async Task A_missing_or_invalid_baseline_is_exit_2_with_the_reason(string? content, string reason)
    {
        if (content is not null)
            _cli.WriteFile("none.json", content);

        var result = await _cli.RunAsync("scan", "app", "--baseline", "none.json");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldBe($"packguard: {reason}" + Environment.NewLine);
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Findings_hidden_by_a_suppression_are_not_recorded()
    {
        _cli.WriteFile("packguard.json", """
            { "suppressions": [ { "rule": "source-map/embedded-sources", "reason": "r", "approvedBy": "ann", "expires": "2026-05-01" } ] }
            """);

        var created = await _cli.RunAsync("baseline", "create", "app");

        created.Output.ShouldContain("Wrote packguard.baseline.json: 0 findings from 1 target.");
        created.Output.ShouldContain("1 finding is hidden by suppressions and not recorded");
        JsonNode.Parse(File.ReadAllText(InWork("packguard.baseline.json")))!["findings"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Diff_gate_and_deps_take_baseline_too()
    {
        await _cli.RunAsync("baseline", "create", "app");

        var diff = await _cli.RunAsync("diff", "app", "app", "--baseline", "packguard.baseline.json", "--format", "json");
        var deps = await _cli.RunAsync("deps", "app", "--baseline", "nope.json");

        JsonNode.Parse(diff.Output)!["policy"]!["baseline"]!.GetValue<string>().ShouldBe("packguard.baseline.json", diff.ToString());
        deps.ExitCode.ShouldBe(ExitCodes.Usage);
        deps.Error.ShouldStartWith("packguard: baseline nope.json: no such file");
    }
}
