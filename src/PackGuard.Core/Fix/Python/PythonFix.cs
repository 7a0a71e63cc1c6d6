using PackGuard.Fix.Text;

namespace PackGuard.Fix.Python;

/// <summary>
/// Leaves files out of a Python distribution: <c>exclude</c> in <c>[tool.hatch.build]</c> of
/// pyproject.toml when the build backend is Hatchling, otherwise <c>MANIFEST.in</c> lines
/// (<c>exclude</c>, <c>global-exclude *.map</c>) that setuptools applies to the sdist and, with
/// <c>include_package_data</c> (its default for pyproject projects), to the wheel's package data.
/// </summary>
internal static class PythonFix
{
    private static readonly string[] CodeExtensions = [".py", ".pyi", ".so", ".pyd", ".dylib", ".dll", ".typed"];

    /// <summary>Whether the distribution needs the file: its modules, compiled extensions and metadata.</summary>
    public static bool IsNeeded(string path)
    {
        var top = PackagePaths.TopSegment(path);
        if (top.EndsWith(".dist-info", StringComparison.Ordinal) || top.EndsWith(".egg-info", StringComparison.Ordinal) || top.EndsWith(".data", StringComparison.Ordinal))
            return true;
        if (path is "PKG-INFO" or "setup.py" or "setup.cfg" or "pyproject.toml" or "MANIFEST.in")
            return true;
        var name = PackagePaths.FileName(path);
        if (name.StartsWith("README", StringComparison.OrdinalIgnoreCase) || name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase) || name.StartsWith("LICENCE", StringComparison.OrdinalIgnoreCase))
            return true;
        return CodeExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !PackagePaths.IsNeverNeeded(path);
    }

    /// <summary>Excludes <paramref name="paths"/>; returns the mechanism used, or <see langword="null"/> when no safe edit exists.</summary>
    public static string? Apply(ChangeSet files, IReadOnlyList<string> paths)
    {
        var patterns = new List<string>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var pattern = PackagePaths.IsMap(path) ? "*.map" : path;
            if (!patterns.Contains(pattern, StringComparer.Ordinal))
                patterns.Add(pattern);
        }
        var pyproject = files.Current("pyproject.toml");
        if (pyproject is not null && pyproject.Contains("hatchling", StringComparison.Ordinal))
        {
            return HatchExclude(files, pyproject, patterns) ? "pyproject.toml [tool.hatch.build] exclude" : null;
        }
        var manifest = files.Current("MANIFEST.in");
        var newline = manifest is null ? "\n" : TextLines.NewlineOf(manifest);
        var lines = patterns.Select(p => p == "*.map" ? "global-exclude *.map" : $"exclude {p}").ToList();
        var present = (manifest ?? "").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = lines.Where(l => !present.Contains(l)).ToList();
        if (missing.Count == 0)
            return "MANIFEST.in";
        var text = manifest is null || manifest.Length == 0 || manifest.EndsWith('\n') ? manifest ?? "" : manifest + newline;
        files.Set("MANIFEST.in", text + string.Concat(missing.Select(l => l + newline)), $"MANIFEST.in: {string.Join(", ", missing)}");
        return "MANIFEST.in";
    }

    private static bool HatchExclude(ChangeSet files, string text, IReadOnlyList<string> patterns)
    {
        var newline = TextLines.NewlineOf(text);
        var quoted = patterns.Select(p => "\"" + (p.Contains('/') || p.StartsWith('*') ? "/" + p.TrimStart('/') : p).Replace("/*.map", "*.map", StringComparison.Ordinal) + "\"").ToList();
        var header = "[tool.hatch.build]";
        var at = text.IndexOf(header, StringComparison.Ordinal);
        string updated;
        if (at < 0)
        {
            var body = text.Length == 0 || text.EndsWith('\n') ? text : text + newline;
            updated = body + newline + header + newline + "exclude = [" + string.Join(", ", quoted) + "]" + newline;
        }
        else
        {
            var lineEnd = text.IndexOf('\n', at);
            var insertAt = lineEnd < 0 ? text.Length : lineEnd + 1;
            var next = text.IndexOf("\n[", insertAt - 1, StringComparison.Ordinal);
            var section = next < 0 ? text[insertAt..] : text[insertAt..(next + 1)];
            var exclude = section.IndexOf("exclude = [", StringComparison.Ordinal);
            var close = exclude < 0 ? -1 : section.IndexOf(']', exclude);
            if (exclude >= 0 && close > 0 && !section[exclude..close].Contains('\n'))
            {
                var absolute = insertAt + close;
                var separator = section[(exclude + "exclude = [".Length)..close].Trim().Length > 0 ? ", " : "";
                updated = text[..absolute] + separator + string.Join(", ", quoted) + text[absolute..];
            }
            else if (exclude >= 0)
            {
                // A multi-line exclude array: adding a second key would be invalid TOML.
                return false;
            }
            else
            {
                updated = text[..insertAt] + "exclude = [" + string.Join(", ", quoted) + "]" + newline + text[insertAt..];
            }
        }
        files.Set("pyproject.toml", updated, "pyproject.toml: [tool.hatch.build] exclude " + string.Join(", ", quoted));
        return true;
    }
}
