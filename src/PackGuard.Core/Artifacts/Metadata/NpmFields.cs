using System.Text.Json;

namespace PackGuard.Artifacts.Metadata;

/// <summary>The package.json fields PackGuard uses, gathered as the reader meets them.</summary>
internal sealed class NpmFields
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "name", "version", "license", "licenses", "repository", "private", "files", "scripts",
        "dependencies", "devDependencies", "peerDependencies", "optionalDependencies",
        "main", "bin", "exports", "gypfile", "homepage", "author",
    };

    // Paths in exports come in nested condition objects; a hostile manifest could nest deeply or list
    // thousands, and the diff only needs the files a consumer runs.
    private const int MaxEntryPoints = 256;

    private readonly List<string> _tools = [];
    private readonly HashSet<string> _toolSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _scripts = new(StringComparer.Ordinal);
    private string? _name;
    private string? _version;
    private string? _license;
    private string? _legacyLicenses;
    private string? _repository;
    private bool _private;
    private bool _noGypFile;
    private List<string>? _files;
    private readonly Dictionary<string, string> _dependencies = new(StringComparer.Ordinal);
    private readonly List<string> _entryPoints = [];
    private string? _main;
    private string? _homepage;
    private readonly List<string> _authorContacts = [];

    public static bool IsKnown(string name) => Known.Contains(name);

    /// <summary>
    /// Fields of a JSON type npm would not accept, as <c>"name" is a number, not a string</c>. They
    /// are ignored; saying so matters, because a licence or repository that is silently dropped
    /// changes how severe other findings are.
    /// </summary>
    public List<string> WrongTypes { get; } = [];

    public void Apply(string name, JsonElement value)
    {
        if (Expected(name) is { } expected && value.ValueKind != JsonValueKind.Null && !expected.Kinds.Contains(value.ValueKind))
        {
            WrongTypes.Add($"\"{name}\" is {Describe(value.ValueKind)}, not {expected.Text}");
            return;
        }
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
            case "main": _main = Text(value); break;
            // npm skips the implied node-gyp rebuild only for a literal false.
            case "gypfile": _noGypFile = value.ValueKind == JsonValueKind.False; break;
            case "bin" or "exports": ReadEntryPoints(value, 0); break;
            case "homepage": _homepage = Text(value); break;
            case "author": ReadAuthor(value); break;
            default: ReadDependencies(value, installed: name != "devDependencies"); break;
        }
    }

    public PackageMetadata ToMetadata(IReadOnlyList<string> problems) => new()
    {
        Ecosystem = "npm",
        Name = _name,
        Version = _version,
        License = _license ?? _legacyLicenses,
        Repository = _repository,
        Homepage = _homepage,
        AuthorContacts = _authorContacts,
        IsPrivate = _private,
        NoGypFile = _noGypFile,
        Files = _files,
        DeclaredTools = _tools,
        Scripts = _scripts,
        Dependencies = _dependencies,
        EntryPoints = [.. new[] { _main ?? "index.js" }.Concat(_entryPoints).Select(NormalizeEntryPoint).Distinct(StringComparer.Ordinal)],
        Problems = problems,
    };

    /// <summary><c>./dist/index</c> → <c>dist/index.js</c>, as Node resolves a main without an extension.</summary>
    private static string NormalizeEntryPoint(string path)
    {
        var trimmed = path.Replace('\\', '/');
        while (trimmed.StartsWith("./", StringComparison.Ordinal))
            trimmed = trimmed[2..];
        trimmed = trimmed.TrimStart('/');
        var file = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return file.Contains('.', StringComparison.Ordinal) || file.Length == 0 ? trimmed : trimmed + ".js";
    }

    /// <summary>The JSON types npm accepts for a field (a string where npm also takes one for "private").</summary>
    private static (JsonValueKind[] Kinds, string Text)? Expected(string name) => name switch
    {
        "name" or "version" => ([JsonValueKind.String], "a string"),
        "license" or "repository" => ([JsonValueKind.String, JsonValueKind.Object], "a string or an object"),
        "licenses" => ([JsonValueKind.Array, JsonValueKind.Object, JsonValueKind.String], "an array"),
        "private" => ([JsonValueKind.True, JsonValueKind.False, JsonValueKind.String], "a boolean"),
        "gypfile" => ([JsonValueKind.True, JsonValueKind.False, JsonValueKind.String], "a boolean"),
        "files" => ([JsonValueKind.Array], "an array"),
        "main" or "homepage" => ([JsonValueKind.String], "a string"),
        "author" => ([JsonValueKind.String, JsonValueKind.Object], "a string or an object"),
        "bin" => ([JsonValueKind.String, JsonValueKind.Object], "a string or an object"),
        "exports" => ([JsonValueKind.String, JsonValueKind.Object, JsonValueKind.Array], "a string, an object or an array"),
        _ => ([JsonValueKind.Object], "an object"), // scripts and the dependency maps
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "a boolean",
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

    /// <summary><c>{ "email": ..., "url": ... }</c>, or the npm shorthand <c>"Name &lt;email&gt; (url)"</c>.</summary>
    private void ReadAuthor(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in (ReadOnlySpan<string>)["email", "url"])
            {
                if (value.TryGetProperty(field, out var contact) && Text(contact) is { } text)
                    _authorContacts.Add(text);
            }
            return;
        }
        if (Text(value) is not { } author)
            return;
        foreach (var (open, close) in (ReadOnlySpan<(char, char)>)[('<', '>'), ('(', ')')])
        {
            var start = author.IndexOf(open, StringComparison.Ordinal);
            var end = start < 0 ? -1 : author.IndexOf(close, start + 1);
            if (end > start + 1)
                _authorContacts.Add(author[(start + 1)..end].Trim());
        }
    }

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

    private void ReadDependencies(JsonElement value, bool installed)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return;
        foreach (var dependency in value.EnumerateObject())
        {
            if (_toolSet.Add(dependency.Name))
                _tools.Add(dependency.Name);
            if (installed)
                _dependencies.TryAdd(dependency.Name, dependency.Value.ValueKind == JsonValueKind.String ? dependency.Value.GetString()! : "");
        }
    }

    private void ReadEntryPoints(JsonElement value, int depth)
    {
        if (depth > 8 || _entryPoints.Count >= MaxEntryPoints)
            return;
        switch (value.ValueKind)
        {
            case JsonValueKind.String when Text(value) is { } path && !path.Contains('*', StringComparison.Ordinal):
                _entryPoints.Add(path);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    ReadEntryPoints(property.Value, depth + 1);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    ReadEntryPoints(item, depth + 1);
                break;
        }
    }
}
