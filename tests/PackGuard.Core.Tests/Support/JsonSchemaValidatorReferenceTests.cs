using System.Text.Json.Nodes;
using PackGuard.Tests.Reports;

namespace PackGuard.Tests.Support;

/// <summary>References, formats, refusals, and the validator against the real SARIF schema.</summary>
public sealed class JsonSchemaValidatorReferenceTests
{
    private static IReadOnlyList<SchemaError> Check(string schema, string instance) =>
        JsonSchemaValidator.FromJson(schema).Validate(instance);

    [Fact]
    public void Ref_follows_local_pointers_including_escaped_ones()
    {
        const string schema = """
            {
              "definitions": { "a/b": { "type": "string" }, "100%": { "minimum": 1 } },
              "properties": { "s": { "$ref": "#/definitions/a~1b" }, "n": { "$ref": "#/definitions/100%25" } }
            }
            """;
        Check(schema, """{ "s": "x", "n": 1 }""").ShouldBeEmpty();
        Check(schema, """{ "s": 1, "n": 0 }""").Select(e => e.Keyword).ShouldBe(["type", "minimum"], ignoreOrder: true);
    }

    [Fact]
    public void Ref_can_recurse_through_the_instance()
    {
        const string schema = """
            { "properties": { "value": { "type": "integer" }, "children": { "items": { "$ref": "#" } } } }
            """;
        Check(schema, """{ "value": 1, "children": [{ "value": 2, "children": [] }] }""").ShouldBeEmpty();
        Check(schema, """{ "value": 1, "children": [{ "children": [{ "value": "3" }] }] }""")
            .ShouldHaveSingleItem().Path.ShouldBe("$.children[0].children[0].value");
    }

    [Fact]
    public void Ref_replaces_its_siblings_as_in_draft_04()
    {
        const string schema = """{ "definitions": { "s": { "type": "string" } }, "$ref": "#/definitions/s", "type": "number" }""";
        Check(schema, "\"x\"").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{ "$ref": "#/definitions/missing" }""")]
    [InlineData("""{ "$ref": "other.json#/x" }""")]
    [InlineData("""{ "maxLength": 3 }""")]
    [InlineData("""{ "allOf": [] }""")]
    [InlineData("""{ "properties": { "deep": { "patternProperties": {} } } }""")]
    [InlineData("""{ "format": "email" }""")]
    [InlineData("""{ "items": [{}, {}] }""")]
    [InlineData("""{ "type": "float" }""")]
    public void Unsupported_or_broken_schemas_are_refused_up_front(string schema)
    {
        Should.Throw<Exception>(() => JsonSchemaValidator.FromJson(schema));
    }

    [Fact]
    public void Annotations_are_ignored()
    {
        Check("""{ "title": "t", "description": "d", "default": 5, "id": "x", "$schema": "y", "type": "string" }""", "\"s\"")
            .ShouldBeEmpty();
    }

    [Theory]
    [InlineData("uri", "https://docs.oasis-open.org/sarif/x.json", true)]
    [InlineData("uri", "urn:isbn:0451450523", true)]
    [InlineData("uri", "relative/path", false)]
    [InlineData("uri", "https://example.com/a b", false)]
    [InlineData("uri-reference", "package/lib/legacy%20tools.jar!com/A.class", true)]
    [InlineData("uri-reference", "../x?y#z", true)]
    [InlineData("uri-reference", "", true)]
    [InlineData("uri-reference", "https://example.com/", true)]
    [InlineData("uri-reference", "a b", false)]
    [InlineData("uri-reference", "100%", false)]
    [InlineData("uri-reference", "%zz", false)]
    [InlineData("uri-reference", "1st:segment", false)]
    [InlineData("uri-reference", "a#b#c", false)]
    [InlineData("uri-reference", "Größe.txt", false)]
    [InlineData("date-time", "2026-03-30T12:00:00Z", true)]
    [InlineData("date-time", "2026-03-30t12:00:00.123+02:00", true)]
    [InlineData("date-time", "2026-13-30T12:00:00Z", false)]
    [InlineData("date-time", "2026-03-30 12:00:00Z", false)]
    [InlineData("date-time", "2026-03-30T12:00:00", false)]
    public void Formats_are_checked(string format, string value, bool valid)
    {
        var errors = Check($$"""{ "format": "{{format}}" }""", new JsonArray(value)[0]!.ToJsonString());
        if (valid)
            errors.ShouldBeEmpty();
        else
            errors.ShouldHaveSingleItem().Keyword.ShouldBe("format");
    }

    [Fact]
    public void Broken_sarif_fails_the_official_schema_where_it_is_broken()
    {
        const string sarif = """
            {
              "version": "2.0.0",
              "runs": [{
                "tool": { "driver": { "name": "x", "rules": [{ "id": "r" }, { "id": "r" }] } },
                "results": [{
                  "level": "fatal",
                  "message": { "markdown": "no text" },
                  "locations": [{ "physicalLocation": {
                    "artifactLocation": { "uri": "a b" }, "region": { "startLine": 0 } } }],
                  "surprise": true
                }]
              }]
            }
            """;
        var errors = SarifSchema.Validator.Validate(sarif).Select(e => $"{e.Path} {e.Keyword}").ToList();

        errors.ShouldContain("$.version enum");
        errors.ShouldContain("$.runs[0].tool.driver.rules uniqueItems");
        errors.ShouldContain("$.runs[0].results[0].level enum");
        errors.ShouldContain("$.runs[0].results[0].message anyOf");
        errors.ShouldContain("$.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri format");
        errors.ShouldContain("$.runs[0].results[0].locations[0].physicalLocation.region.startLine minimum");
        errors.ShouldContain("$.runs[0].results[0].surprise additionalProperties");
    }

    [Fact]
    public void Minimal_sarif_passes_the_official_schema()
    {
        SarifSchema.Validator.Validate("""{ "version": "2.1.0", "runs": [] }""").ShouldBeEmpty();
    }
}
