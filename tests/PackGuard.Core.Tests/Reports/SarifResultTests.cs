using System.Text.Json.Nodes;
using PackGuard.Findings;
using static PackGuard.Tests.Reports.ReportFixtures;
using static PackGuard.Tests.Reports.SarifOutput;

namespace PackGuard.Tests.Reports;

/// <summary>One SARIF result per finding: level, message, location, fingerprint and properties.</summary>
public sealed class SarifResultTests
{
    private static JsonArray FailingResults => Results(Runs(Parse(Failing))[0]!);

    private static JsonNode Location(JsonNode? result) => result!["locations"]!.AsArray().ShouldHaveSingleItem()!;

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    [InlineData(Severity.Info, "note")]
    public void Level_follows_the_finding_severity_not_the_rule_default(Severity severity, string level)
    {
        // The catalog says critical; context (a public MIT package, say) may have lowered the finding.
        var result = Results(Runs(Parse(WithFinding(EmbeddedSources, severity)))[0]!).ShouldHaveSingleItem()!;

        String(result["level"]).ShouldBe(level);
        String(result["properties"]!["severity"]).ShouldBe(severity.ToName());
    }

    [Fact]
    public void Results_keep_the_finding_order()
    {
        FailingResults.Select(r => String(r!["ruleId"])).ShouldBe([EmbeddedSources, ConfigFile, HighEntropy]);
    }

    [Fact]
    public void Message_carries_the_finding_message_and_its_fix()
    {
        String(FailingResults[0]!["message"]!["text"])
            .ShouldBe($"{SourceMapFinding.Message}\n\nFix: {SourceMapFinding.Fix}");
        String(FailingResults[1]!["message"]!["text"]).ShouldBe(NestedConfigFinding.Message);
    }

    [Fact]
    public void Message_names_the_original_source_unless_it_already_does()
    {
        String(FailingResults[2]!["message"]!["text"])
            .ShouldBe($"{SecretFinding.Message}\n\nOriginal source: {OriginalPath}\n\nFix: {SecretFinding.Fix}");

        var named = SecretFinding with { Message = $"A credential in {OriginalPath}.", Fix = null };
        var report = Failing with { Result = Failing.Result with { Findings = [named] } };
        String(Results(Runs(Parse(report))[0]!)[0]!["message"]!["text"]).ShouldBe(named.Message);
    }

    [Fact]
    public void Entry_path_is_a_percent_encoded_relative_uri_keeping_slashes_and_bangs()
    {
        var uri = String(Location(FailingResults[1])["physicalLocation"]!["artifactLocation"]!["uri"]);

        uri.ShouldBe("package/lib/legacy%20tools.jar!com/acme/Gr%C3%B6%C3%9Fe%20config.properties");
        Uri.UnescapeDataString(uri).ShouldBe(NestedPath);
    }

    [Fact]
    public void Region_is_written_when_the_line_is_known()
    {
        var region = Location(FailingResults[2])["physicalLocation"]!["region"]!;

        region.AsObject().Select(p => p.Key).ShouldBe(["startLine", "startColumn"]);
        region["startLine"]!.GetValue<int>().ShouldBe(12);
        region["startColumn"]!.GetValue<int>().ShouldBe(7);
        Location(FailingResults[0])["physicalLocation"]!.AsObject().ContainsKey("region").ShouldBeFalse();
    }

    [Fact]
    public void Region_without_a_column_has_only_the_line()
    {
        var report = WithFinding(HighEntropy, Severity.Low, location: new FindingLocation("package/a.js", Line: 3));
        var region = Location(Results(Runs(Parse(report))[0]!)[0])["physicalLocation"]!["region"]!;

        region.AsObject().Select(p => p.Key).ShouldBe(["startLine"]);
    }

    [Fact]
    public void Original_path_is_a_logical_location_and_a_property()
    {
        var logical = Location(FailingResults[2])["logicalLocations"]!.AsArray().ShouldHaveSingleItem()!;

        String(logical["fullyQualifiedName"]).ShouldBe(OriginalPath);
        String(logical["name"]).ShouldBe("defaults.ts");
        String(logical["kind"]).ShouldBe("module");
        String(FailingResults[2]!["properties"]!["originalPath"]).ShouldBe(OriginalPath);
        Location(FailingResults[0]).AsObject().ContainsKey("logicalLocations").ShouldBeFalse();
        FailingResults[0]!["properties"]!.AsObject().ContainsKey("originalPath").ShouldBeFalse();
    }

    [Fact]
    public void Fingerprint_is_a_partial_fingerprint()
    {
        String(FailingResults[0]!["partialFingerprints"]!["packguard/v1"]).ShouldBe(SourceMapFinding.Fingerprint);
    }

    [Fact]
    public void Properties_hold_the_severity_and_every_finding_property()
    {
        var properties = FailingResults[0]!["properties"]!.AsObject();

        properties.Select(p => p.Key).ShouldBe(["severity", .. SourceMapFinding.Properties.Select(p => p.Key)]);
        foreach (var (name, value) in SourceMapFinding.Properties)
            JsonNode.DeepEquals(properties[name], value).ShouldBeTrue(name);
    }

    [Fact]
    public void Finding_properties_that_clash_with_ours_are_renamed_and_stay_schema_valid()
    {
        var report = WithFinding(ConfigFile, Severity.Medium, new JsonObject
        {
            ["severity"] = "theirs",
            ["tags"] = new JsonArray(1, 1),
            ["finding.tags"] = true,
        });
        var text = Text(report);
        var properties = JsonNode.Parse(text)!["runs"]![0]!["results"]![0]!["properties"]!;

        String(properties["severity"]).ShouldBe("medium");
        String(properties["finding.severity"]).ShouldBe("theirs");
        properties["finding.tags"]!.AsArray().Count.ShouldBe(2);
        properties["finding.finding.tags"]!.GetValue<bool>().ShouldBeTrue();
        properties.AsObject().ContainsKey("tags").ShouldBeFalse();
        SarifSchema.Validator.Validate(text).ShouldBeEmpty();
    }
}
