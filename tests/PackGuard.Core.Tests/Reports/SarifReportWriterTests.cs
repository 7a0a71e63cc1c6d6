using System.Text.Json;
using PackGuard.Findings;
using PackGuard.Rules;
using PackGuard.Tests.Support;
using static PackGuard.Tests.Reports.ReportFixtures;
using static PackGuard.Tests.Reports.SarifOutput;

namespace PackGuard.Tests.Reports;

/// <summary>The SARIF log as a whole: snapshot, schema validity, runs and the rules they describe.</summary>
public sealed class SarifReportWriterTests
{
    [Fact]
    public void Two_targets_match_snapshot() =>
        Snapshot.Match(Text(Failing, Passing), "two-targets.sarif");

    public static TheoryData<string> SchemaCases => ["two targets", "passing only", "no reports", "unknown rule", "every severity", "incomplete"];

    [Theory]
    [MemberData(nameof(SchemaCases))]
    public void Output_validates_against_the_official_sarif_schema(string name)
    {
        var reports = name switch
        {
            "two targets" => [Failing, Passing],
            "passing only" => [Passing],
            "no reports" => [],
            "unknown rule" => [WithFinding("experimental/new-check", Severity.High)],
            "every severity" => Enum.GetValues<Severity>().Select(s => WithFinding(InstallScript, s)).ToArray(),
            "incomplete" => [Incomplete],
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var errors = SarifSchema.Validator.Validate(Text(reports));

        errors.ShouldBeEmpty(string.Join("\n", errors));
    }

    [Fact]
    public void Log_names_the_official_schema_and_version()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SarifSchema.FilePath));
        var log = Parse(Passing);

        String(log["$schema"]).ShouldBe(schema.RootElement.GetProperty("id").GetString());
        String(log["version"]).ShouldBe("2.1.0");
    }

    [Fact]
    public void Each_report_is_one_run_with_tool_invocation_and_policy_outcome()
    {
        var runs = Runs(Parse(Failing, Passing));

        runs.Count.ShouldBe(2);
        var driver = runs[0]!["tool"]!["driver"]!;
        String(driver["name"]).ShouldBe("PackGuard");
        String(driver["version"]).ShouldBe(TestToolVersion);
        String(driver["semanticVersion"]).ShouldBe(TestToolVersion);
        runs[0]!["invocations"]!.AsArray().ShouldHaveSingleItem()!["executionSuccessful"]!.GetValue<bool>().ShouldBeTrue();

        var properties = runs[0]!["properties"]!;
        String(properties["verdict"]).ShouldBe("fail");
        String(properties["failOn"]).ShouldBe("high");
        String(properties["target"]!["spec"]).ShouldBe(LeakyTarget.Spec);
        properties["target"]!["size"]!.GetValue<long>().ShouldBe(LeakyTarget.Size);
        String(runs[1]!["properties"]!["verdict"]).ShouldBe("pass");
        runs[1]!["properties"]!["target"]!["sha256"].ShouldBeNull();
    }

    [Fact]
    public void A_scan_that_ran_out_of_time_is_an_unsuccessful_invocation_with_a_notification()
    {
        var invocation = Runs(Parse(Incomplete))[0]!["invocations"]!.AsArray().ShouldHaveSingleItem()!;

        invocation["executionSuccessful"]!.GetValue<bool>().ShouldBeFalse();
        var notification = invocation["toolExecutionNotifications"]!.AsArray().ShouldHaveSingleItem()!;
        String(notification["level"]).ShouldBe("error");
        String(notification["message"]!["text"]).ShouldContain("time budget ran out");
    }

    [Fact]
    public void Rules_are_exactly_those_that_fired_in_the_run()
    {
        var runs = Runs(Parse(Failing, Passing));

        RulesOf(runs[0]!).Select(r => String(r!["id"])).ShouldBe([ConfigFile, HighEntropy, EmbeddedSources]);
        RulesOf(runs[1]!).ShouldBeEmpty();
        Results(runs[1]!).ShouldBeEmpty();
    }

    [Fact]
    public void Every_result_points_at_its_rule_by_index()
    {
        var run = Runs(Parse(Failing))[0]!;
        var rules = RulesOf(run);

        foreach (var result in Results(run))
        {
            var index = result!["ruleIndex"]!.GetValue<int>();
            String(rules[index]!["id"]).ShouldBe(String(result["ruleId"]));
        }
    }

    [Fact]
    public void Rules_carry_their_catalog_entry_and_help()
    {
        var rule = RulesOf(Runs(Parse(Failing))[0]!).Single(r => String(r!["id"]) == EmbeddedSources)!;
        var entry = Catalog.Find(EmbeddedSources)!;

        String(rule["name"]).ShouldBe("SourceMapEmbeddedSources");
        String(rule["shortDescription"]!["text"]).ShouldBe(entry.Title);
        String(rule["fullDescription"]!["text"]).ShouldBe(entry.Description);
        foreach (var help in new[] { String(rule["help"]!["text"]), String(rule["help"]!["markdown"]) })
        {
            help.ShouldContain(entry.Description);
            help.ShouldContain(entry.WhyItMatters);
            help.ShouldContain(entry.HowToFix);
        }
        String(rule["defaultConfiguration"]!["level"]).ShouldBe("error");
        rule["properties"]!["tags"]!.AsArray().Select(String).ShouldBe(["security", "source-map"]);
        String(rule["properties"]!["security-severity"]).ShouldBe("9.5");
        String(rule["properties"]!["precision"]).ShouldBe("very-high");
    }

    [Theory]
    [InlineData(Severity.Critical, "error", "9.5")]
    [InlineData(Severity.High, "error", "8.0")]
    [InlineData(Severity.Medium, "warning", "5.5")]
    [InlineData(Severity.Low, "note", "3.0")]
    [InlineData(Severity.Info, "note", "0.0")]
    public void Rule_defaults_follow_the_catalog_severity(Severity severity, string level, string securitySeverity)
    {
        var catalog = new RuleCatalog(
            [new RuleDescriptor("test/rule", "T", severity, "D", "W", "H", Samples: []) { Precision = RulePrecision.Medium }]);
        var log = JsonDocument.Parse(ReportOutput.Text(Writer(catalog), WithFinding("test/rule", Severity.Info)));
        var rule = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];

        rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe(level);
        rule.GetProperty("properties").GetProperty("security-severity").GetString().ShouldBe(securitySeverity);
        rule.GetProperty("properties").GetProperty("precision").GetString().ShouldBe("medium");
        double.Parse(securitySeverity, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(0.0, 10.0);
    }

    [Fact]
    public void A_rule_missing_from_the_catalog_gets_a_minimal_descriptor()
    {
        var run = Runs(Parse(WithFinding("experimental/new-check", Severity.High)))[0]!;
        var rule = RulesOf(run).ShouldHaveSingleItem()!;

        String(rule["id"]).ShouldBe("experimental/new-check");
        String(rule["name"]).ShouldBe("ExperimentalNewCheck");
        String(rule["shortDescription"]!["text"]).ShouldBe("A title");
        String(rule["help"]!["text"]).ShouldContain("no entry");
        String(rule["defaultConfiguration"]!["level"]).ShouldBe("error");
        rule["properties"]!["tags"]!.AsArray().Select(String).ShouldBe(["security", "experimental"]);
        Results(run).ShouldHaveSingleItem()!["ruleIndex"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public void A_security_family_is_not_tagged_twice()
    {
        var run = Runs(Parse(WithFinding("security/x", Severity.Low)))[0]!;

        RulesOf(run)[0]!["properties"]!["tags"]!.AsArray().Select(String).ShouldBe(["security"]);
    }

    [Theory]
    [InlineData("source-map/embedded-sources", "SourceMapEmbeddedSources")]
    [InlineData("secret/aws-access-key-id", "SecretAwsAccessKeyId")]
    [InlineData("archive/zip.bomb", "ArchiveZipBomb")]
    [InlineData("nofamily", "Nofamily")]
    public void Rule_names_are_the_id_in_pascal_case(string id, string name) =>
        PackGuard.Reports.SarifRuleSet.PascalCase(id).ShouldBe(name);

    [Fact]
    public void Output_is_deterministic()
    {
        Text(Failing, Passing).ShouldBe(Text(Failing, Passing));
    }
}
