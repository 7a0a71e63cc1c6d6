using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using PackGuard.Cli.Tests.Support;
using PackGuard.Rules;
using PackGuard.Tests.Support;

namespace PackGuard.Cli.Tests.Commands;

/// <summary>
/// <c>--format json</c> and <c>--format sarif</c> on standard output: the JSON contract of
/// DESIGN.md, and SARIF that validates against the official schema.
/// </summary>
public sealed class ScanCommandFormatTests : IDisposable
{
    private static readonly Lazy<JsonSchemaValidator> Sarif = new(() => JsonSchemaValidator.FromFile(
        Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas", "sarif-schema-2.1.0.json")));

    private readonly CliSandbox _cli = new();

    public ScanCommandFormatTests()
    {
        _cli.WriteFile("acme-cli-2.1.88.tgz", CliFixtures.ProprietaryWithExternalMap);
        _cli.WriteFile("tidy-1.0.0.tgz", CliFixtures.Clean);
        _cli.WriteFile("acme-lib-1.4.0.tgz", CliFixtures.ManyMinorFindings);
    }

    public void Dispose() => _cli.Dispose();

    private static void KeysShouldBe(JsonNode? node, params string[] keys) =>
        node!.AsObject().Select(p => p.Key).ShouldBe(keys);

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    [Fact]
    public async Task Json_on_stdout_follows_the_contract()
    {
        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail);
        result.Error.ShouldBeEmpty();
        var report = JsonNode.Parse(result.Output)!;
        KeysShouldBe(report, "schemaVersion", "tool", "target", "verdict", "failOn", "incomplete", "summary", "findings", "policy", "suppressed", "expiredSuppressions");
        Text(report["schemaVersion"]).ShouldBe("1");
        Text(report["tool"]!["name"]).ShouldBe("packguard");
        Text(report["verdict"]).ShouldBe("fail");
        Text(report["failOn"]).ShouldBe("high");
        KeysShouldBe(report["summary"], "critical", "high", "medium", "low", "info");
        report["summary"]!.AsObject().Select(p => p.Value!.GetValue<int>()).ShouldBe([1, 0, 0, 0, 0]);
    }

    [Fact]
    public async Task Json_target_describes_the_scanned_file()
    {
        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "json");

        var target = JsonNode.Parse(result.Output)!["target"]!;
        Text(target["spec"]).ShouldBe("acme-cli-2.1.88.tgz");
        Text(target["ecosystem"]).ShouldBe("npm");
        Text(target["name"]).ShouldBe("acme-cli");
        Text(target["version"]).ShouldBe("2.1.88");
        Text(target["license"]).ShouldBe("UNLICENSED");
        Text(target["sha256"]).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(CliFixtures.ProprietaryWithExternalMap)));
        target["size"]!.GetValue<long>().ShouldBe(CliFixtures.ProprietaryWithExternalMap.Length);
        target["entryCount"]!.GetValue<int>().ShouldBe(3);
        target["registry"].ShouldBeNull();
    }

    [Fact]
    public async Task Json_findings_carry_rule_severity_location_and_measured_properties()
    {
        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "--format", "json");

        var finding = JsonNode.Parse(result.Output)!["findings"]!.AsArray().ShouldHaveSingleItem()!;
        Text(finding["ruleId"]).ShouldBe("source-map/embedded-sources");
        Text(finding["severity"]).ShouldBe("critical");
        Text(finding["title"]).ShouldBe("Source map embeds original source code");
        Text(finding["message"]).ShouldStartWith("package/cli.js.map embeds the original source of 2 first-party files (4 lines, 58 B)");
        var location = finding["location"]!;
        KeysShouldBe(location, "path", "line", "column", "originalPath");
        Text(location["path"]).ShouldBe("package/cli.js.map");
        location["line"].ShouldBeNull();
        location["column"].ShouldBeNull();
        location["originalPath"].ShouldBeNull();
        Text(finding["fingerprint"]).ShouldNotBeNullOrWhiteSpace();
        finding["properties"]!["firstPartySources"]!.GetValue<int>().ShouldBe(2);
        finding["properties"]!["firstPartyLines"]!.GetValue<int>().ShouldBe(4);
        finding["properties"]!["thirdPartySources"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Json_lists_every_finding_that_text_groups()
    {
        var result = await _cli.RunAsync("scan", "acme-lib-1.4.0.tgz", "--format", "json");

        var report = JsonNode.Parse(result.Output)!;
        report["findings"]!.AsArray().Count.ShouldBe(10);
        report["summary"]!.AsObject().Select(p => p.Value!.GetValue<int>()).ShouldBe([0, 0, 0, 1, 9]);
    }

    [Fact]
    public async Task Json_for_several_targets_is_an_array_in_the_order_given()
    {
        var result = await _cli.RunAsync("scan", "tidy-1.0.0.tgz", "acme-cli-2.1.88.tgz", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Fail);
        var reports = JsonNode.Parse(result.Output)!.AsArray();
        reports.Select(r => Text(r!["target"]!["spec"])).ShouldBe(["tidy-1.0.0.tgz", "acme-cli-2.1.88.tgz"]);
        reports.Select(r => Text(r!["verdict"])).ShouldBe(["pass", "fail"]);
        reports.ShouldAllBe(r => Text(r!["schemaVersion"]) == "1");
    }

    [Fact]
    public async Task Json_for_several_targets_stays_an_array_when_some_cannot_be_read()
    {
        // Consumers pick how to parse by the targets they passed, not by how many were readable.
        var result = await _cli.RunAsync("scan", "missing-1.0.0.tgz", "tidy-1.0.0.tgz", "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Unreadable);
        var reports = JsonNode.Parse(result.Output)!.AsArray();
        Text(reports.ShouldHaveSingleItem()!["target"]!["spec"]).ShouldBe("tidy-1.0.0.tgz");
    }

    [Fact]
    public async Task Json_for_one_target_is_a_single_object()
    {
        var result = await _cli.RunAsync("scan", "tidy-1.0.0.tgz", "--format", "json");

        Text(JsonNode.Parse(result.Output)!.AsObject()["verdict"]).ShouldBe("pass");
    }

    [Fact]
    public async Task Json_is_utf8_without_a_byte_order_mark()
    {
        var result = await _cli.RunAsync("scan", "tidy-1.0.0.tgz", "--format", "json");

        result.StandardOutput[0].ShouldBe((byte)'{');
        using var document = JsonDocument.Parse(result.StandardOutput);
        document.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Sarif_on_stdout_validates_against_the_official_schema()
    {
        var result = await _cli.RunAsync("scan", "acme-cli-2.1.88.tgz", "tidy-1.0.0.tgz", "acme-lib-1.4.0.tgz", "--format", "sarif");

        result.ExitCode.ShouldBe(ExitCodes.Fail);
        var errors = Sarif.Value.Validate(result.Output);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        var runs = JsonNode.Parse(result.Output)!["runs"]!.AsArray();
        runs.Count.ShouldBe(3);
        runs.Select(r => r!["results"]!.AsArray().Count).ShouldBe([1, 0, 10]);
    }

    [Fact]
    public async Task Sarif_describes_every_rule_that_fired_with_help()
    {
        var result = await _cli.RunAsync("scan", "acme-lib-1.4.0.tgz", "--format", "sarif");

        var run = JsonNode.Parse(result.Output)!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var fired = run["results"]!.AsArray().Select(r => Text(r!["ruleId"])).Distinct().Order(StringComparer.Ordinal);
        rules.Select(r => Text(r!["id"])).Order(StringComparer.Ordinal).ShouldBe(fired);
        foreach (var rule in rules)
        {
            var entry = RuleCatalog.Default.Find(Text(rule!["id"]))!;
            Text(rule["help"]!["text"]).ShouldContain(entry.HowToFix);
        }
    }
}
