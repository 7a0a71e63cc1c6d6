namespace PackGuard.Tests.Support;

/// <summary>Every keyword must be able to fail; each test shows one failing and one passing instance.</summary>
public sealed class JsonSchemaValidatorTests
{
    private static IReadOnlyList<SchemaError> Check(string schema, string instance) =>
        JsonSchemaValidator.FromJson(schema).Validate(instance);

    private static void Fails(string schema, string instance, string keyword, string path = "$")
    {
        var errors = Check(schema, instance);
        errors.ShouldContain(e => e.Keyword == keyword && e.Path == path,
            $"expected a '{keyword}' error at {path}; got: {string.Join("; ", errors)}");
    }

    private static void Passes(string schema, string instance) =>
        Check(schema, instance).ShouldBeEmpty();

    [Theory]
    [InlineData("string", "\"x\"", "1")]
    [InlineData("number", "1.5", "\"1.5\"")]
    [InlineData("integer", "7", "7.5")]
    [InlineData("integer", "-3", "1e2")]
    [InlineData("integer", "0", "1.0")] // draft-04: an integer is written without a fraction
    [InlineData("boolean", "false", "0")]
    [InlineData("null", "null", "false")]
    [InlineData("object", "{}", "[]")]
    [InlineData("array", "[]", "{}")]
    public void Type_accepts_its_own_kind_and_rejects_others(string type, string valid, string invalid)
    {
        var schema = $$"""{ "type": "{{type}}" }""";
        Passes(schema, valid);
        Fails(schema, invalid, "type");
    }

    [Fact]
    public void Type_list_accepts_any_listed_kind()
    {
        const string schema = """{ "type": ["string", "null"] }""";
        Passes(schema, "null");
        Passes(schema, "\"x\"");
        Fails(schema, "1", "type");
    }

    [Fact]
    public void Properties_validate_nested_values_and_report_their_path()
    {
        const string schema = """
            { "properties": { "a": { "properties": { "b": { "type": "integer" } } } } }
            """;
        Passes(schema, """{ "a": { "b": 1 } }""");
        Fails(schema, """{ "a": { "b": "one" } }""", "type", "$.a.b");
    }

    [Fact]
    public void Required_reports_each_missing_property()
    {
        const string schema = """{ "required": ["version", "runs"] }""";
        Passes(schema, """{ "version": "x", "runs": [] }""");
        var errors = Check(schema, """{ "runs": [] }""");
        errors.ShouldHaveSingleItem().Message.ShouldContain("'version'");
    }

    [Fact]
    public void AdditionalProperties_false_rejects_undeclared_properties()
    {
        const string schema = """{ "properties": { "a": {} }, "additionalProperties": false }""";
        Passes(schema, """{ "a": 1 }""");
        Fails(schema, """{ "a": 1, "b": 2 }""", "additionalProperties", "$.b");
    }

    [Fact]
    public void AdditionalProperties_schema_applies_to_undeclared_properties_only()
    {
        const string schema = """
            { "properties": { "n": { "type": "number" } }, "additionalProperties": { "type": "string" } }
            """;
        Passes(schema, """{ "n": 1, "extra": "x" }""");
        Fails(schema, """{ "n": 1, "extra": 2 }""", "type", "$.extra");
    }

    [Fact]
    public void Items_validate_every_element_with_its_index()
    {
        const string schema = """{ "items": { "type": "string" } }""";
        Passes(schema, """["a", "b"]""");
        Fails(schema, """["a", 2]""", "type", "$[1]");
    }

    [Fact]
    public void Enum_compares_json_values_not_text()
    {
        const string schema = """{ "enum": [1, "two", { "a": 1, "b": [true] }] }""";
        Passes(schema, "1.0");
        Passes(schema, """{ "b": [true], "a": 1 }""");
        Fails(schema, "\"three\"", "enum");
        Fails(schema, """{ "a": 1, "b": [false] }""", "enum");
    }

    [Fact]
    public void Minimum_and_maximum_are_inclusive()
    {
        const string schema = """{ "minimum": -1, "maximum": 100.0 }""";
        Passes(schema, "-1");
        Passes(schema, "100");
        Fails(schema, "-2", "minimum");
        Fails(schema, "100.5", "maximum");
    }

    [Fact]
    public void MinItems_counts_elements()
    {
        const string schema = """{ "minItems": 1 }""";
        Passes(schema, "[0]");
        Fails(schema, "[]", "minItems");
    }

    [Theory]
    [InlineData("[1, 1.0]")]
    [InlineData("""[{ "a": 1, "b": 2 }, { "b": 2, "a": 1 }]""")]
    [InlineData("""[["x"], ["x"]]""")]
    public void UniqueItems_rejects_equal_json_values(string instance)
    {
        Fails("""{ "uniqueItems": true }""", instance, "uniqueItems");
        Passes("""{ "uniqueItems": false }""", instance);
    }

    [Fact]
    public void UniqueItems_accepts_distinct_values()
    {
        Passes("""{ "uniqueItems": true }""", """[1, "1", [1], { "v": 1 }]""");
    }

    [Fact]
    public void Pattern_searches_anywhere_in_the_string_like_ecmascript()
    {
        const string schema = """{ "pattern": "[^/]+/.+" }""";
        Passes(schema, "\"tool/component\"");
        Fails(schema, "\"no-slash\"", "pattern");
        // ECMA-262 \d is ASCII only; .NET's default would accept an Arabic-Indic digit.
        Fails("""{ "pattern": "^\\d$" }""", "\"\u0663\"", "pattern");
    }

    [Fact]
    public void Pattern_that_times_out_is_an_error_not_a_pass()
    {
        var validator = JsonSchemaValidator.FromJson("""{ "pattern": "^(a|aa)+$" }""", TimeSpan.FromMilliseconds(50));
        var errors = validator.Validate($"\"{new string('a', 5000)}b\"");
        errors.ShouldHaveSingleItem().Message.ShouldContain("timed out");
    }

    [Fact]
    public void AnyOf_needs_at_least_one_match()
    {
        const string schema = """{ "anyOf": [{ "required": ["text"] }, { "required": ["id"] }] }""";
        Passes(schema, """{ "text": "x", "id": "y" }""");
        Fails(schema, """{ "markdown": "x" }""", "anyOf");
    }

    [Fact]
    public void OneOf_needs_exactly_one_match()
    {
        const string schema = """{ "oneOf": [{ "type": "integer" }, { "minimum": 0 }] }""";
        Passes(schema, "-1");
        Passes(schema, "0.5");
        Fails(schema, "1", "oneOf");     // both
        Fails(schema, "-0.5", "oneOf");  // neither
    }

    [Fact]
    public void Keywords_for_other_types_do_not_apply()
    {
        Passes("""{ "minItems": 3, "pattern": "x", "minimum": 5, "required": ["a"] }""", "true");
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        const string schema = """
            { "properties": { "a b": { "type": "string" }, "c": { "enum": [1] } }, "required": ["d"] }
            """;
        var errors = Check(schema, """{ "a b": 1, "c": 2 }""");
        errors.Select(e => e.ToString()).ShouldBe(
            ["$: required: property 'd' is missing",
             "$['a b']: type: 1 is not of type \"string\"",
             "$.c: enum: 2 is not one of [1]"],
            ignoreOrder: true);
    }
}
