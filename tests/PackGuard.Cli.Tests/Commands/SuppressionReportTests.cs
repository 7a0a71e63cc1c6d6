using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// Suppressions and excludes end to end, with the host's clock injected: what they hide leaves the
/// verdict, every report lists it with who approved it and until when, and an expired one stops
/// hiding and says so.
/// </summary>
public sealed class SuppressionReportTests : IDisposable
{
    private const string Policy = """
        {
          "suppressions": [
            { "rule": "source-map/embedded-sources", "path": "cli.js.map", "reason": "sources are published on purpose until 3.0",
              "approvedBy": "dana@acme.example", "expires": "2026-04-30" },
            { "rule": "file/private-key", "reason": "no longer relevant", "approvedBy": "sam", "expires": "2026-03-01" }
          ]
        }
        """;

    private readonly CliSandbox _cli = new();

    public SuppressionReportTests()
    {
        _cli.WriteFile("acme-cli-2.1.88.tgz", CliFixtures.ProprietaryWithExternalMap);
        _cli.WriteFile("packguard.json", Policy);
        _cli.Width = 1000; // text assertions read whole lines
    }

    public void Dispose() => _cli.Dispose();

    private void Today(int month, int day) => _cli.Clock = new FixedClock(new DateTimeOffset(2026, month, day, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Before_expiry_the_finding_is_suppressed_and_listed_with_its_approval()
    {
        Today(4, 30);

        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var report = JsonNode.Parse(result.Output)!;
        report["findings"]!.AsArray().ShouldBeEmpty();
        report["summary"]!["critical"]!.GetValue<int>().ShouldBe(0);
        report["policy"]!["suppressed"]!.GetValue<int>().ShouldBe(1);
        var suppressed = report["suppressed"]!.AsArray().ShouldHaveSingleItem()!;
        suppressed["ruleId"]!.GetValue<string>().ShouldBe("source-map/embedded-sources");
        suppressed["severity"]!.GetValue<string>().ShouldBe("critical");
        suppressed["path"]!.GetValue<string>().ShouldBe("package/cli.js.map");
        suppressed["suppression"]!["approvedBy"]!.GetValue<string>().ShouldBe("dana@acme.example");
        suppressed["suppression"]!["expires"]!.GetValue<string>().ShouldBe("2026-04-30");
        suppressed["suppression"]!["reason"]!.GetValue<string>().ShouldBe("sources are published on purpose until 3.0");
        var expired = report["expiredSuppressions"]!.AsArray().ShouldHaveSingleItem()!;
        expired["index"]!.GetValue<int>().ShouldBe(1);
        expired["approvedBy"]!.GetValue<string>().ShouldBe("sam");
        expired["expires"]!.GetValue<string>().ShouldBe("2026-03-01");
        expired["matched"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task After_expiry_the_finding_fails_the_scan_again_and_the_report_says_who_approved_what_expired()
    {
        Today(5, 1);

        var json = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "json");
        var text = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz");

        json.ExitCode.ShouldBe(ExitCodes.Fail, json.ToString());
        var report = JsonNode.Parse(json.Output)!;
        report["findings"]!.AsArray().ShouldHaveSingleItem()!["ruleId"]!.GetValue<string>().ShouldBe("source-map/embedded-sources");
        report["suppressed"]!.AsArray().ShouldBeEmpty();
        var expired = report["expiredSuppressions"]!.AsArray();
        expired.Count.ShouldBe(2);
        expired[0]!["index"]!.GetValue<int>().ShouldBe(0);
        expired[0]!["matched"]!.GetValue<int>().ShouldBe(1);
        text.ExitCode.ShouldBe(ExitCodes.Fail);
        text.Output.ShouldContain(" EXPIRED  suppressions[0] · source-map/embedded-sources at cli.js.map");
        text.Output.ShouldContain("Approved by dana@acme.example, expired on 2026-04-30: 1 finding it matched is reported above again.");
        text.Output.ShouldContain("Approved by sam, expired on 2026-03-01: it matches nothing here.");
    }

    [Fact]
    public async Task The_text_report_lists_what_was_suppressed_by_whom_until_when()
    {
        Today(4, 1);

        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        result.Output.ShouldContain("policy: packguard.json");
        result.Output.ShouldContain("Suppressed · 1 finding, not counted in the verdict");
        result.Output.ShouldContain("""
              suppressions[0] (source-map/embedded-sources at cli.js.map): approved by dana@acme.example until 2026-04-30: sources are published on purpose until 3.0
              - critical source-map/embedded-sources at package/cli.js.map
            """.ReplaceLineEndings());
    }

    [Fact]
    public async Task Sarif_marks_the_result_suppressed_with_its_justification_and_still_validates()
    {
        Today(4, 1);

        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "sarif");

        result.ExitCode.ShouldBe(ExitCodes.Pass, result.ToString());
        var errors = JsonSchemaValidator.FromFile(Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json")).Validate(result.Output);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        var run = JsonNode.Parse(result.Output)!["runs"]![0]!;
        var sarifResult = run["results"]!.AsArray().ShouldHaveSingleItem()!;
        sarifResult["ruleId"]!.GetValue<string>().ShouldBe("source-map/embedded-sources");
        var suppression = sarifResult["suppressions"]!.AsArray().ShouldHaveSingleItem()!;
        suppression["kind"]!.GetValue<string>().ShouldBe("external");
        suppression["status"]!.GetValue<string>().ShouldBe("accepted");
        suppression["justification"]!.GetValue<string>().ShouldBe("sources are published on purpose until 3.0");
        suppression["properties"]!["approvedBy"]!.GetValue<string>().ShouldBe("dana@acme.example");
        suppression["properties"]!["expires"]!.GetValue<string>().ShouldBe("2026-04-30");
        run["tool"]!["driver"]!["rules"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe("source-map/embedded-sources");
        run["properties"]!["policy"]!["suppressed"]!.GetValue<int>().ShouldBe(1);
        run["properties"]!["expiredSuppressions"]!.AsArray().ShouldHaveSingleItem()!["approvedBy"]!.GetValue<string>().ShouldBe("sam");
    }

    [Fact]
    public async Task A_suppression_expiring_too_far_ahead_by_the_host_s_clock_is_exit_2()
    {
        Today(1, 1); // 2026-04-30 is 119 days ahead

        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldBe($"packguard: config file {Path.Combine(_cli.Work, "packguard.json")}: suppressions[0].expires 2026-04-30 is more than 90 days ahead (the latest allowed today is 2026-04-01; see suppressionMaxDays)" + Environment.NewLine);
    }

    [Fact]
    public async Task Excludes_drop_findings_before_the_verdict_and_the_report_counts_them()
    {
        Today(4, 1);
        _cli.WriteFile("packguard.json", """{ "excludes": ["*.map"] }""");

        var json = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "json");
        var text = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz");

        json.ExitCode.ShouldBe(ExitCodes.Pass, json.ToString());
        var report = JsonNode.Parse(json.Output)!;
        report["findings"]!.AsArray().ShouldBeEmpty();
        report["policy"]!["excluded"]!.GetValue<int>().ShouldBe(1);
        text.Output.ShouldContain("policy: packguard.json · 1 finding at excluded paths not reported");
    }
}
