using System.Text.Json;
using System.Text.RegularExpressions;

namespace PackGuard.Tests.Support;

/// <summary>One way an instance breaks a schema.</summary>
/// <param name="Path">Where in the instance, as a JSON path (<c>$.runs[0].results[2].level</c>).</param>
/// <param name="Keyword">The schema keyword that failed.</param>
/// <param name="Message">What is wrong.</param>
public sealed record SchemaError(string Path, string Keyword, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Keyword}: {Message}";
}

/// <summary>
/// A JSON Schema draft-04 validator for the keywords the SARIF 2.1.0 schema uses, so that tests
/// can check SARIF output without a schema library. It refuses (throws on) any keyword, format or
/// reference it does not implement, rather than silently treating it as satisfied.
/// </summary>
/// <remarks>
/// Draft-04 semantics: <c>$ref</c> replaces its siblings; <c>integer</c> means a number written
/// without fraction or exponent; keywords apply only to instances of their type
/// (<c>minItems</c> ignores strings). Annotations (<c>title</c>, <c>description</c>,
/// <c>default</c>, <c>id</c>, <c>$schema</c>) are ignored.
/// </remarks>
public sealed partial class JsonSchemaValidator
{
    private const int MaxDepth = 512;

    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "$ref", "type", "properties", "required", "additionalProperties", "items", "enum",
        "minimum", "maximum", "minItems", "uniqueItems", "pattern", "format", "anyOf", "oneOf",
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "$schema", "id", "title", "description", "default", "definitions",
        // Draft 2020-12 spellings of the same annotations and containers, for packguard.schema.json
        // (which uses only keywords whose meaning did not change since draft-04, and no $ref siblings).
        "$id", "$defs", "examples",
    };

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "object", "array", "string", "number", "integer", "boolean", "null",
    };

    private readonly JsonElement _root;
    private readonly TimeSpan _regexTimeout;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _references = new(StringComparer.Ordinal);

    /// <summary>Prepares <paramref name="schema"/>; throws if it uses anything unsupported.</summary>
    /// <param name="schema">The schema document's root.</param>
    /// <param name="regexTimeout">Time allowed to each <c>pattern</c> match; default one second.</param>
    public JsonSchemaValidator(JsonElement schema, TimeSpan? regexTimeout = null)
    {
        _root = schema.Clone();
        _regexTimeout = regexTimeout ?? TimeSpan.FromSeconds(1);
        Prepare(_root, "#");
    }

    /// <summary>Reads a schema file.</summary>
    public static JsonSchemaValidator FromFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new JsonSchemaValidator(document.RootElement);
    }

    /// <summary>Reads a schema from JSON text.</summary>
    public static JsonSchemaValidator FromJson(string json, TimeSpan? regexTimeout = null)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonSchemaValidator(document.RootElement, regexTimeout);
    }

    /// <summary>Every error in <paramref name="instance"/>; empty when it is valid.</summary>
    public IReadOnlyList<SchemaError> Validate(JsonElement instance)
    {
        var errors = new List<SchemaError>();
        Validate(_root, instance, "$", errors, depth: 0);
        return errors;
    }

    /// <summary>Validates JSON text.</summary>
    public IReadOnlyList<SchemaError> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement);
    }

    // Checks every subschema once, up front, so that an unsupported keyword fails loudly even in a
    // branch the instance at hand never reaches.
    private void Prepare(JsonElement schema, string pointer)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            throw new NotSupportedException($"{pointer}: a draft-04 schema must be an object.");
        foreach (var keyword in schema.EnumerateObject())
        {
            var at = $"{pointer}/{keyword.Name}";
            var value = keyword.Value;
            if (!Supported.Contains(keyword.Name) && !Ignored.Contains(keyword.Name))
                throw new NotSupportedException($"{at}: keyword '{keyword.Name}' is not supported.");
            switch (keyword.Name)
            {
                case "$ref":
                    Resolve(value.GetString()!);
                    break;
                case "type":
                    foreach (var name in TypeList(value))
                    {
                        if (!TypeNames.Contains(name))
                            throw new NotSupportedException($"{at}: unknown type '{name}'.");
                    }
                    break;
                case "format":
                    if (!JsonSchemaFormats.Known.Contains(value.GetString()!))
                        throw new NotSupportedException($"{at}: format '{value.GetString()}' is not supported.");
                    break;
                case "pattern":
                    Pattern(value.GetString()!);
                    break;
                case "items" when value.ValueKind != JsonValueKind.Object:
                    throw new NotSupportedException($"{at}: only a single schema is supported for 'items'.");
                case "items":
                    Prepare(value, at);
                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object:
                    Prepare(value, at);
                    break;
                case "properties" or "definitions" or "$defs":
                    foreach (var property in value.EnumerateObject())
                        Prepare(property.Value, $"{at}/{property.Name}");
                    break;
                case "anyOf" or "oneOf":
                    var index = 0;
                    foreach (var branch in value.EnumerateArray())
                        Prepare(branch, $"{at}/{index++}");
                    break;
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        if (_references.TryGetValue(reference, out var cached))
            return cached;
        if (reference != "#" && !reference.StartsWith("#/", StringComparison.Ordinal))
            throw new NotSupportedException($"$ref '{reference}': only local JSON pointers are supported.");
        var target = _root;
        foreach (var raw in reference.Length > 1 ? reference[2..].Split('/') : [])
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal)
                .Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(token, out var child))
                target = child;
            else if (target.ValueKind == JsonValueKind.Array && int.TryParse(token, out var i) && i >= 0 && i < target.GetArrayLength())
                target = target[i];
            else
                throw new InvalidOperationException($"$ref '{reference}' does not resolve.");
        }
        _references[reference] = target;
        return target;
    }

    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            // ECMAScript: JSON Schema patterns are ECMA-262 regexes (\d is ASCII only, and so on).
            regex = new Regex(pattern, RegexOptions.ECMAScript, _regexTimeout);
            _patterns[pattern] = regex;
        }
        return regex;
    }

    private static IEnumerable<string> TypeList(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Select(t => t.GetString()!)
        : [type.GetString()!];
}
