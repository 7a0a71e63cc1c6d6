using System.Text.Json;

namespace PackGuard.Artifacts.Metadata;

/// <summary>The package.json fields PackGuard uses, gathered as the reader meets them.</summary>
internal sealed class NpmFields
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "name", "version", "license", "licenses", "repository", "private", "files", "scripts",
        "dependencies", "devDependencies", "peerDependencies", "optionalDependencies",
    };

    private readonly List<string> _tools = [];
    private readonly HashSet<string> _toolSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _scripts = new(StringComparer.Ordinal);
    private string? _name;
    private string? _version;
    private string? _license;
    private string? _legacyLicenses;
    private string? _repository;
    private bool _private;
    private List<string>? _files;

    public static bool IsKnown(string name) => Known.Contains(name);

    public void Apply(string name, JsonElement value)
    {
        switch (name)
        {
            case "name": _name = Text(value); break;
            case "version": _version = Text(value); break;
            case "license": _license = LicenseOf(value); break;
            case "licenses": _legacyLicenses = LegacyLicenses(value); break;
            case "repository": _repository = RepositoryOf(value); break;
            // npm refuses to publish when "private" is truthy; "true" as a string counts too.
            case "private": _private = value.ValueKind == JsonValueKind.True || (Text(value) is { } s && s.Equals("true", StringComparison.OrdinalIgnoreCase)); break;
            case "files": _files = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(Text).OfType<string>()] : null; break;
            case "scripts": ReadScripts(value); break;
            default: ReadDependencies(value); break;
        }
    }

    public PackageMetadata ToMetadata(IReadOnlyList<string> problems) => new()
    {
        Ecosystem = "npm",
        Name = _name,
        Version = _version,
        License = _license ?? _legacyLicenses,
        Repository = _repository,
        IsPrivate = _private,
        Files = _files,
        DeclaredTools = _tools,
        Scripts = _scripts,
        Problems = problems,
    };

    private static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { } s && s.Trim().Length > 0 ? s.Trim() : null;

    /// <summary><c>"MIT"</c>, or the legacy <c>{ "type": "MIT", "url": ... }</c>.</summary>
    private static string? LicenseOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Text(value),
        JsonValueKind.Object when value.TryGetProperty("type", out var type) => Text(type),
        _ => null,
    };

    /// <summary>The legacy <c>"licenses": [{ "type": "MIT" }, { "type": "Apache-2.0" }]</c>: any of them applies.</summary>
    private static string? LegacyLicenses(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
            return LicenseOf(value);
        var names = value.EnumerateArray().Select(LicenseOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? null : string.Join(" OR ", names);
    }

    private static string? RepositoryOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => RepositoryUrl.FromNpm(value.GetString()),
        JsonValueKind.Object when value.TryGetProperty("url", out var url) && Text(url) is { } text => RepositoryUrl.FromNpm(text),
        _ => null,
    };

    private void ReadScripts(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return;
        foreach (var script in value.EnumerateObject())
        {
            if (script.Value.ValueKind == JsonValueKind.String)
                _scripts[script.Name] = script.Value.GetString()!;
        }
    }

    private void ReadDependencies(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return;
        foreach (var dependency in value.EnumerateObject())
        {
            if (_toolSet.Add(dependency.Name))
                _tools.Add(dependency.Name);
        }
    }
}
