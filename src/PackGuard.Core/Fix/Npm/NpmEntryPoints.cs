using System.Text.Json;

namespace PackGuard.Fix.Npm;

/// <summary>
/// The paths a package.json says the package runs or serves: <c>main</c>, <c>module</c>,
/// <c>exports</c> (every condition, nested), <c>bin</c>, <c>types</c>/<c>typings</c>,
/// <c>browser</c>, <c>man</c> and the <c>directories</c> it names. Paths are package paths;
/// <c>*</c> patterns of <c>exports</c> stand for their directory.
/// </summary>
internal sealed record NpmEntryPoints(IReadOnlyList<string> Files, IReadOnlyList<string> Directories)
{
    /// <summary>Reads the entry points of a package.json document.</summary>
    public static NpmEntryPoints Read(JsonElement manifest)
    {
        var files = new List<string>();
        var directories = new List<string>();
        if (manifest.ValueKind != JsonValueKind.Object)
            return new NpmEntryPoints(files, directories);
        foreach (var key in new[] { "main", "module", "types", "typings" })
            AddString(manifest, key, files, directories);
        if (manifest.TryGetProperty("exports", out var exports))
            AddExports(exports, files, directories, 0);
        if (manifest.TryGetProperty("bin", out var bin))
            AddStrings(bin, files, directories);
        if (manifest.TryGetProperty("browser", out var browser))
        {
            // browser is a path, or a map whose values replace modules (false means "empty module").
            if (browser.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in browser.EnumerateObject())
                    AddPath(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null, files, directories);
            }
            else
            {
                AddStrings(browser, files, directories);
            }
        }
        if (manifest.TryGetProperty("man", out var man))
            AddStrings(man, files, directories);
        if (manifest.TryGetProperty("directories", out var named) && named.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in named.EnumerateObject())
            {
                // directories.test/doc/example describe the repository, not what the package runs.
                if (property.Name is "bin" or "man" or "lib" && property.Value.ValueKind == JsonValueKind.String && PackagePaths.Normalise(property.Value.GetString()) is { } directory)
                    directories.Add(directory);
            }
        }
        return new NpmEntryPoints([.. files.Distinct(StringComparer.Ordinal)], [.. directories.Distinct(StringComparer.Ordinal)]);
    }

    private static void AddExports(JsonElement value, List<string> files, List<string> directories, int depth)
    {
        if (depth > 32)
            return;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                AddPath(value.GetString(), files, directories);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    AddExports(item, files, directories, depth + 1);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    AddExports(property.Value, files, directories, depth + 1);
                break;
        }
    }

    private static void AddString(JsonElement manifest, string key, List<string> files, List<string> directories)
    {
        if (manifest.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
            AddPath(value.GetString(), files, directories);
    }

    private static void AddStrings(JsonElement value, List<string> files, List<string> directories)
    {
        if (value.ValueKind == JsonValueKind.String)
            AddPath(value.GetString(), files, directories);
        else if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            foreach (var item in value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Value) : value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                    AddPath(item.GetString(), files, directories);
            }
        }
    }

    private static void AddPath(string? raw, List<string> files, List<string> directories)
    {
        if (raw is null)
            return;
        var star = raw.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            // "./dist/features/*.js" serves files of dist/features.
            var slash = raw.LastIndexOf('/', star);
            if (slash > 0 && PackagePaths.Normalise(raw[..slash]) is { } directory)
                directories.Add(directory);
            return;
        }
        if (PackagePaths.Normalise(raw) is { } path)
        {
            if (raw.EndsWith('/'))
                directories.Add(path);
            else
                files.Add(path);
        }
    }
}
