using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PackGuard.Tests.Support;

/// <summary>Keyword semantics; see the other part for loading and references.</summary>
public sealed partial class JsonSchemaValidator
{
    private void Validate(JsonElement schema, JsonElement instance, string path, List<SchemaError> errors, int depth)
    {
        if (depth > MaxDepth)
            throw new InvalidOperationException($"{path}: schema recursion deeper than {MaxDepth}; is there a $ref cycle?");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(Resolve(reference.GetString()!), instance, path, errors, depth + 1);
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeList(type).Any(t => HasType(instance, t)))
            errors.Add(new(path, "type", $"{Describe(instance)} is not of type {type.GetRawText()}"));
        if (schema.TryGetProperty("enum", out var allowed)
            && !allowed.EnumerateArray().Any(a => JsonEquality.AreEqual(a, instance)))
            errors.Add(new(path, "enum", $"{Describe(instance)} is not one of {allowed.GetRawText()}"));

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(schema, instance, path, errors, depth);
                break;
            case JsonValueKind.Array:
                ValidateArray(schema, instance, path, errors, depth);
                break;
            case JsonValueKind.Number:
                ValidateNumber(schema, instance, path, errors);
                break;
            case JsonValueKind.String:
                ValidateString(schema, instance.GetString()!, path, errors);
                break;
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var branches = Branches(anyOf, instance, path, depth);
            if (branches.All(b => b.Count > 0))
                errors.Add(new(path, "anyOf", $"matches none of {branches.Count} schemas; closest: {Closest(branches)}"));
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var branches = Branches(oneOf, instance, path, depth);
            var matches = branches.Count(b => b.Count == 0);
            if (matches != 1)
                errors.Add(new(path, "oneOf", matches == 0
                    ? $"matches none of {branches.Count} schemas; closest: {Closest(branches)}"
                    : $"matches {matches} of {branches.Count} schemas; exactly one must match"));
        }
    }

    private void ValidateObject(JsonElement schema, JsonElement instance, string path, List<SchemaError> errors, int depth)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!instance.TryGetProperty(name, out _))
                    errors.Add(new(path, "required", $"property '{name}' is missing"));
            }
        }
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in instance.EnumerateObject())
        {
            var at = Child(path, property.Name);
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
                Validate(propertySchema, property.Value, at, errors, depth + 1);
            else if (hasAdditional && additional.ValueKind == JsonValueKind.False)
                errors.Add(new(at, "additionalProperties", $"property '{property.Name}' is not allowed"));
            else if (hasAdditional && additional.ValueKind == JsonValueKind.Object)
                Validate(additional, property.Value, at, errors, depth + 1);
        }
    }

    private void ValidateArray(JsonElement schema, JsonElement instance, string path, List<SchemaError> errors, int depth)
    {
        var items = instance.EnumerateArray().ToList();
        if (schema.TryGetProperty("minItems", out var minItems) && items.Count < minItems.GetInt32())
            errors.Add(new(path, "minItems", $"has {items.Count} items, fewer than {minItems.GetInt32()}"));
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            for (var i = 0; i < items.Count; i++)
            {
                for (var j = i + 1; j < items.Count; j++)
                {
                    if (JsonEquality.AreEqual(items[i], items[j]))
                        errors.Add(new(path, "uniqueItems", $"items {i} and {j} are equal"));
                }
            }
        }
        if (schema.TryGetProperty("items", out var itemSchema))
        {
            for (var i = 0; i < items.Count; i++)
                Validate(itemSchema, items[i], $"{path}[{i}]", errors, depth + 1);
        }
    }

    private static void ValidateNumber(JsonElement schema, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (schema.TryGetProperty("minimum", out var minimum) && Compare(instance, minimum) < 0)
            errors.Add(new(path, "minimum", $"{instance.GetRawText()} is less than {minimum.GetRawText()}"));
        if (schema.TryGetProperty("maximum", out var maximum) && Compare(instance, maximum) > 0)
            errors.Add(new(path, "maximum", $"{instance.GetRawText()} is greater than {maximum.GetRawText()}"));
    }

    private void ValidateString(JsonElement schema, string value, string path, List<SchemaError> errors)
    {
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            try
            {
                if (!Pattern(pattern.GetString()!).IsMatch(value))
                    errors.Add(new(path, "pattern", $"\"{value}\" does not match /{pattern.GetString()}/"));
            }
            catch (RegexMatchTimeoutException)
            {
                // A validator that passes what it could not check proves nothing.
                errors.Add(new(path, "pattern", $"matching /{pattern.GetString()}/ timed out"));
            }
        }
        if (schema.TryGetProperty("format", out var format)
            && JsonSchemaFormats.Check(format.GetString()!, value) is { } problem)
            errors.Add(new(path, "format", $"\"{value}\" {problem}"));
    }

    private List<List<SchemaError>> Branches(JsonElement schemas, JsonElement instance, string path, int depth)
    {
        var branches = new List<List<SchemaError>>();
        foreach (var branch in schemas.EnumerateArray())
        {
            var branchErrors = new List<SchemaError>();
            Validate(branch, instance, path, branchErrors, depth + 1);
            branches.Add(branchErrors);
        }
        return branches;
    }

    private static string Closest(List<List<SchemaError>> branches) =>
        branches.OrderBy(b => b.Count).First().FirstOrDefault()?.ToString() ?? "(none)";

    private static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && instance.GetRawText().IndexOfAny(['.', 'e', 'E']) < 0,
        _ => false,
    };

    private static int Compare(JsonElement a, JsonElement b) =>
        a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x.CompareTo(y) : a.GetDouble().CompareTo(b.GetDouble());

    private static string Describe(JsonElement instance)
    {
        var text = instance.GetRawText();
        return text.Length <= 60 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..57]}...");
    }

    private static string Child(string path, string name) =>
        IdentifierLike().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdentifierLike();
}
