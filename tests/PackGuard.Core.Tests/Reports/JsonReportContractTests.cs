using System.Text.Json;
using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Policy;
using PackGuard.Reports;
using PackGuard.Scanning;
using static PackGuard.Tests.Reports.ReportFixtures;

namespace PackGuard.Tests.Reports;

/// <summary>
/// The JSON contract of DESIGN.md, schemaVersion "1", checked field by field on parsed output:
/// names, order, types and values. Consumers in CI depend on these; a change here is a contract change.
/// </summary>
public sealed class JsonReportContractTests
{
    private static readonly JsonReportWriter Writer = new(TestToolVersion);

    private static JsonNode Parse(params ScanReport[] reports) =>
        JsonNode.Parse(ReportOutput.Text(Writer, reports))!;

    private static void KeysShouldBe(JsonNode? node, params string[] keys) =>
        node!.AsObject().Select(p => p.Key).ShouldBe(keys);

    [Fact]
    public void One_report_is_an_object_with_the_contract_fields_in_order()
    {
        var report = Parse(Failing).AsObject();

        KeysShouldBe(report, "schemaVersion", "tool", "target", "verdict", "failOn", "incomplete", "summary", "findings", "policy", "suppressed", "expiredSuppressions");
        report["schemaVersion"]!.GetValue<string>().ShouldBe("1");
        KeysShouldBe(report["tool"], "name", "version");
        report["tool"]!["name"]!.GetValue<string>().ShouldBe("packguard");
        report["tool"]!["version"]!.GetValue<string>().ShouldBe(TestToolVersion);
        report["verdict"]!.GetValue<string>().ShouldBe("fail");
        report["failOn"]!.GetValue<string>().ShouldBe("high");
    }

    [Fact]
    public void Target_has_every_fact_with_its_type()
    {
        var target = Parse(Failing)["target"];

        KeysShouldBe(target, "spec", "ecosystem", "name", "version", "license", "sha256", "size", "entryCount",
            "repository", "registry");
        target!["spec"]!.GetValue<string>().ShouldBe(LeakyTarget.Spec);
        target["ecosystem"]!.GetValue<string>().ShouldBe("npm");
        target["name"]!.GetValue<string>().ShouldBe("@acme/cli");
        target["version"]!.GetValue<string>().ShouldBe("2.1.88");
        target["license"]!.GetValue<string>().ShouldBe("SEE LICENSE IN LICENSE.md");
        target["sha256"]!.GetValue<string>().ShouldBe(LeakyTarget.Sha256);
        target["size"]!.GetValue<long>().ShouldBe(31485112);
        target["entryCount"]!.GetValue<int>().ShouldBe(5112);
        target["repository"].ShouldBeNull();
        target["registry"]!.GetValue<string>().ShouldBe("https://registry.npmjs.org/");
    }

    [Fact]
    public void Unknown_target_facts_are_null_not_missing()
    {
        var target = Parse(Passing)["target"]!.AsObject();

        foreach (var key in new[] { "ecosystem", "name", "version", "license", "sha256", "repository", "registry" })
        {
            target.ContainsKey(key).ShouldBeTrue(key);
            target[key].ShouldBeNull(key);
        }
        target["size"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
    }

    [Fact]
    public void Summary_has_all_five_severities_most_severe_first()
    {
        var summary = Parse(Failing)["summary"];

        KeysShouldBe(summary, "critical", "high", "medium", "low", "info");
        summary!["critical"]!.GetValue<int>().ShouldBe(1);
        summary["high"]!.GetValue<int>().ShouldBe(0);
        summary["medium"]!.GetValue<int>().ShouldBe(1);
        summary["low"]!.GetValue<int>().ShouldBe(1);
        summary["info"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public void Findings_carry_every_field_with_its_type()
    {
        var findings = Parse(Failing)["findings"]!.AsArray();
        var expected = Failing.Result.Findings;

        findings.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var json = findings[i]!;
            KeysShouldBe(json, "ruleId", "severity", "title", "message", "location", "fingerprint", "properties", "fix");
            json["ruleId"]!.GetValue<string>().ShouldBe(expected[i].RuleId);
            json["severity"]!.GetValue<string>().ShouldBe(expected[i].Severity.ToName());
            json["title"]!.GetValue<string>().ShouldBe(expected[i].Title);
            json["message"]!.GetValue<string>().ShouldBe(expected[i].Message);
            json["fingerprint"]!.GetValue<string>().ShouldBe(expected[i].Fingerprint);
            JsonNode.DeepEquals(json["properties"], expected[i].Properties).ShouldBeTrue();
            json["fix"]?.GetValue<string>().ShouldBe(expected[i].Fix);
        }
        findings[1]!["fix"].ShouldBeNull();
        findings[1]!.AsObject().ContainsKey("fix").ShouldBeTrue();
    }

    [Fact]
    public void Locations_always_have_four_keys_null_when_unknown()
    {
        var findings = Parse(Failing)["findings"]!.AsArray();

        var known = findings[2]!["location"];
        KeysShouldBe(known, "path", "line", "column", "originalPath");
        known!["path"]!.GetValue<string>().ShouldBe("package/cli.js.map");
        known["line"]!.GetValue<int>().ShouldBe(12);
        known["column"]!.GetValue<int>().ShouldBe(7);
        known["originalPath"]!.GetValue<string>().ShouldBe(OriginalPath);

        var unknown = findings[1]!["location"]!.AsObject();
        KeysShouldBe(unknown, "path", "line", "column", "originalPath");
        unknown["path"]!.GetValue<string>().ShouldBe(NestedPath);
        unknown["line"].ShouldBeNull();
        unknown["column"].ShouldBeNull();
        unknown["originalPath"].ShouldBeNull();
    }

    [Fact]
    public void Nested_properties_survive_as_written()
    {
        var properties = Parse(Failing)["findings"]![0]!["properties"]!;

        properties["firstPartyLines"]!.GetValue<int>().ShouldBe(512034);
        var top = properties["topDirectories"]!.AsArray();
        top.Count.ShouldBe(2);
        top[0]!["path"]!.GetValue<string>().ShouldBe("src/tools");
        top[0]!["files"]!.GetValue<int>().ShouldBe(184);
    }

    [Fact]
    public void A_passing_report_has_an_empty_findings_array()
    {
        var report = Parse(Passing);

        report["verdict"]!.GetValue<string>().ShouldBe("pass");
        report["findings"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void Several_reports_are_an_array_of_report_objects_in_order()
    {
        var reports = Parse(Failing, Passing).AsArray();

        reports.Count.ShouldBe(2);
        reports[0]!["target"]!["spec"]!.GetValue<string>().ShouldBe(LeakyTarget.Spec);
        reports[1]!["target"]!["spec"]!.GetValue<string>().ShouldBe(CleanTarget.Spec);
        reports.ShouldAllBe(r => r!["schemaVersion"]!.GetValue<string>() == "1");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("critical")]
    [InlineData("info")]
    public void FailOn_is_the_threshold_name(string name)
    {
        FailThreshold.TryParse(name, out var threshold).ShouldBeTrue();
        var report = VerdictPolicy.Evaluate(new ScanResult(CleanTarget, []), threshold);

        Parse(report)["failOn"]!.GetValue<string>().ShouldBe(name);
    }

    [Fact]
    public void Every_severity_is_written_by_its_lower_case_name()
    {
        foreach (var severity in Enum.GetValues<Severity>())
        {
            var report = WithFinding("test/rule", severity);
            Parse(report)["findings"]![0]!["severity"]!.GetValue<string>()
                .ShouldBe(severity.ToString().ToLowerInvariant());
        }
    }
}
