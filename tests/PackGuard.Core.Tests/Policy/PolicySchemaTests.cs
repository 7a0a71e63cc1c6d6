using System.Text.Json;
using System.Text.Json.Nodes;
using PackGuard.Policy;
using PackGuard.Rules;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Policy;

/// <summary>
/// schemas/packguard.schema.json, the loader and docs/configuration.md cannot drift apart: the
/// documented example validates and loads; every key of the schema appears in an example that
/// validates and loads; and the keys the loader names in its errors are the keys the schema lists.
/// </summary>
public sealed class PolicySchemaTests : IDisposable
{
    // The examples' expiries are within 90 days of this day.
    private static readonly DateOnly Today = new(2026, 4, 1);
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Policy", "Schema", "packguard.schema.json");
    private static readonly string DocPath = Path.Combine(AppContext.BaseDirectory, "Policy", "Schema", "configuration.md");
    private readonly TestSandbox _box = new();
    private readonly JsonSchemaValidator _validator = JsonSchemaValidator.FromFile(SchemaPath);
    private readonly JsonObject _schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

    public void Dispose() => _box.Dispose();

    private PolicyConfig Load(string json) => PolicyConfigLoader.Load(_box.Write("packguard.json", json), RuleCatalog.Default, Today);

    /// <summary>The first <c>jsonc</c> block of configuration.md, comments and trailing commas removed.</summary>
    private static string DocumentedExample()
    {
        var text = File.ReadAllText(DocPath);
        var start = text.IndexOf("```jsonc\n", StringComparison.Ordinal) + "```jsonc\n".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        // Re-serialised: raw text would keep the comments.
        return JsonNode.Parse(text[start..end], documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.ToJsonString();
    }

    [Fact]
    public void The_documented_example_validates_against_the_schema_and_loads()
    {
        var example = DocumentedExample();

        _validator.Validate(example).ShouldBeEmpty();
        Should.NotThrow(() => Load(example));
    }

    [Fact]
    public void Every_key_of_the_schema_is_in_an_example_that_validates_and_loads()
    {
        var properties = _schema["properties"]!.AsObject();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, property) in properties)
        {
            var examples = property!["examples"]?.AsArray();
            examples.ShouldNotBeNull($"{key} has no examples");
            foreach (var example in examples)
            {
                var document = new JsonObject { [key] = example!.DeepClone() }.ToJsonString();
                _validator.Validate(document).ShouldBeEmpty(document);
                Should.NotThrow(() => Load(document), document);
                Collect(JsonNode.Parse(document)!, "", covered);
            }
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        Declared(_schema, "", declared);
        declared.Except(covered).ShouldBeEmpty("schema keys no example exercises");
    }

    [Fact]
    public void The_loader_s_keys_are_the_schema_s_keys()
    {
        Keys(_schema).ShouldBe(PolicyConfigLoader.TopLevelKeys, ignoreOrder: true);
        Keys(_schema["properties"]!["limits"]!).ShouldBe(PolicyConfigLoader.LimitKeys, ignoreOrder: true);
        Keys(_schema["$defs"]!["suppression"]!).ShouldBe(PolicyConfigLoader.SuppressionKeys, ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{ "failon": "high" }""")]
    [InlineData("""{ "limits": { "maxTime": 5 } }""")]
    [InlineData("""{ "suppressions": [ { "rule": "source-map/paths-only", "reason": "r", "approvedBy": "a" } ] }""")]
    [InlineData("""{ "suppressions": [ { "fingerprint": "f", "rule": "source-map/paths-only", "reason": "r", "approvedBy": "a", "expires": "2026-05-01" } ] }""")]
    [InlineData("""{ "suppressions": [ { "reason": "r", "approvedBy": "a", "expires": "2026-05-01" } ] }""")]
    [InlineData("""{ "suppressions": [ { "fingerprint": "f", "reason": "r", "approvedBy": "a", "expires": "next week" } ] }""")]
    [InlineData("""{ "suppressionMaxDays": 0 }""")]
    [InlineData("""{ "excludes": [ "dist\\**" ] }""")]
    [InlineData("""{ "failOn": "severe" }""")]
    public void What_the_loader_refuses_the_schema_refuses(string json)
    {
        _validator.Validate(json).ShouldNotBeEmpty();
        Should.Throw<ConfigurationException>(() => Load(json));
    }

    private static IReadOnlyList<string> Keys(JsonNode schema) => [.. schema["properties"]!.AsObject().Select(p => p.Key)];

    /// <summary>Every key path the schema declares (<c>limits.maxDepth</c>, <c>suppressions[].rule</c>), following local references.</summary>
    private void Declared(JsonNode schema, string prefix, HashSet<string> paths)
    {
        schema = Resolve(schema);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (key, value) in properties)
            {
                paths.Add(prefix + key);
                Declared(value!, prefix + key + ".", paths);
            }
        }
        if (schema["items"] is JsonNode items)
            Declared(items, prefix.TrimEnd('.') + "[].", paths);
        // Rule ids are data, not keys: "rules.*" stands for any of them.
        if (schema["additionalProperties"] is JsonObject additional)
            Declared(additional, prefix + "*.", paths);
    }

    private JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = _schema;
            foreach (var token in reference[2..].Split('/'))
                schema = schema[token]!;
        }
        return schema;
    }

    private static void Collect(JsonNode node, string prefix, HashSet<string> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    // Under "rules" the keys are rule ids.
                    var name = prefix == "rules." ? "*" : key;
                    paths.Add(prefix + name);
                    if (value is not null)
                        Collect(value, prefix + name + ".", paths);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                        Collect(item, prefix.TrimEnd('.') + "[].", paths);
                }
                break;
        }
    }
}
