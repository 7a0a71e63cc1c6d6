using System.Text.RegularExpressions;
using PackGuard.Fix.Text;
using PackGuard.Inspectors;

namespace PackGuard.Fix.DotNet;

/// <summary>An MSBuild property to set, and why.</summary>
internal sealed record MsBuildProperty(string Name, string Value, string Why);

/// <summary>
/// Fixes <c>debug-symbols/*</c> findings with MSBuild properties in <c>Directory.Build.props</c>
/// (when the package directory has one) or its single project file: <c>EmbedAllSources</c>
/// false against sources embedded in PDBs, <c>DebugType</c> portable with a <c>.snupkg</c>
/// symbol package (<c>IncludeSymbols</c>, <c>SymbolPackageFormat</c>) against symbols in the
/// package, and <c>PathMap</c> against build-machine paths. A property already set is changed in
/// place; a missing one goes into the first unconditional <c>PropertyGroup</c>.
/// </summary>
internal static class MsBuildFix
{
    private static readonly Regex PropertyGroupStart = RegexSafety.Create(@"[ \t]*<PropertyGroup[ \t]*>[ \t]*");
    private static readonly Regex PropertyGroupEnd = RegexSafety.Create(@"([ \t]*)</PropertyGroup>[ \t]*");
    private static readonly Regex ProjectEnd = RegexSafety.Create(@"[ \t]*</Project>[ \t]*");
    private static readonly Regex AnyProperty = RegexSafety.Create(@"([ \t]+)<[A-Za-z_][\w.-]*( [^>]*)?>[^<]*</[A-Za-z_][\w.-]*>[ \t]*");

    /// <summary>The properties that fix debug-symbol findings with these rule ids and package paths.</summary>
    public static IReadOnlyList<MsBuildProperty> PropertiesFor(IEnumerable<(string RuleId, string? Path)> findings, bool directoryBuildProps)
    {
        var result = new List<MsBuildProperty>();
        void Add(string name, string value, string why)
        {
            if (!result.Any(p => p.Name == name))
                result.Add(new MsBuildProperty(name, value, why));
        }
        foreach (var (ruleId, path) in findings)
        {
            var specific = ruleId[(ruleId.IndexOf('/', StringComparison.Ordinal) + 1)..];
            if (specific.Contains("path", StringComparison.OrdinalIgnoreCase))
            {
                Add("PathMap", directoryBuildProps ? "$(MSBuildThisFileDirectory)=/_/" : "$(MSBuildProjectDirectory)/=/_/", "build-machine paths become /_/ in PDBs and binaries");
                continue;
            }
            if (specific.Contains("source", StringComparison.OrdinalIgnoreCase) || specific.Contains("embed", StringComparison.OrdinalIgnoreCase))
                Add("EmbedAllSources", "false", "PDBs stop carrying the source files");
            if (path is not null && (path.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)))
            {
                Add("DebugType", "portable", "symbols go to a separate .pdb, not into the .dll");
                Add("IncludeSymbols", "true", "the .pdb files go to a symbol package (.snupkg) instead of the package");
                Add("SymbolPackageFormat", "snupkg", "the symbol package is a .snupkg for the symbol server");
            }
        }
        return result;
    }

    /// <summary>Sets <paramref name="properties"/> in <paramref name="path"/>; returns what was changed, or <see langword="null"/> when the file could not be edited safely.</summary>
    public static string? Apply(ChangeSet files, string path, IReadOnlyList<MsBuildProperty> properties)
    {
        if (files.Current(path) is not { } text || !text.Contains("<Project", StringComparison.Ordinal))
            return null;
        var newline = TextLines.NewlineOf(text);
        var changed = new List<string>();
        var missing = new List<MsBuildProperty>();
        foreach (var property in properties)
        {
            var existing = LineEdits.Matching(text, RegexSafety.Create($@"[ \t]*<{property.Name}>([^<]*)</{property.Name}>[ \t]*"));
            if (existing.Count == 0)
            {
                if (text.Contains($"<{property.Name}", StringComparison.Ordinal))
                    return null;
                missing.Add(property);
                continue;
            }
            foreach (var (start, line, match) in existing)
            {
                if (match.Groups[1].Value == property.Value)
                    continue;
                var replaced = line[..match.Groups[1].Index] + property.Value + line[(match.Groups[1].Index + match.Groups[1].Length)..];
                text = LineEdits.ReplaceLine(text, start, line, replaced);
                changed.Add($"{property.Name} {match.Groups[1].Value} -> {property.Value}");
            }
        }
        if (missing.Count > 0)
        {
            var starts = LineEdits.Matching(text, PropertyGroupStart);
            if (starts.Count > 0)
            {
                var groupStart = starts[0].Start;
                var end = LineEdits.Matching(text, PropertyGroupEnd).FirstOrDefault(e => e.Start > groupStart);
                if (end.Line is null)
                    return null;
                var sibling = LineEdits.Matching(text, AnyProperty).FirstOrDefault(p => p.Start > groupStart && p.Start < end.Start);
                var indent = sibling.Line is not null ? sibling.Match.Groups[1].Value : end.Match.Groups[1].Value + "  ";
                var block = string.Concat(missing.Select(p => $"{indent}<{p.Name}>{p.Value}</{p.Name}>{newline}"));
                text = text[..end.Start] + block + text[end.Start..];
            }
            else
            {
                var projectEnd = LineEdits.Matching(text, ProjectEnd);
                if (projectEnd.Count != 1)
                    return null;
                var block = $"  <PropertyGroup>{newline}" + string.Concat(missing.Select(p => $"    <{p.Name}>{p.Value}</{p.Name}>{newline}")) + $"  </PropertyGroup>{newline}";
                text = text[..projectEnd[0].Start] + block + text[projectEnd[0].Start..];
            }
            changed.AddRange(missing.Select(p => $"{p.Name} {p.Value}"));
        }
        if (changed.Count == 0)
            return "";
        var summary = string.Join(", ", changed);
        files.Set(path, text, $"{path}: {summary}");
        return summary;
    }

    /// <summary>The file to set properties in: Directory.Build.props beside the project, else the one project file; <see langword="null"/> when there is none or several.</summary>
    public static string? TargetFile(string directory)
    {
        if (File.Exists(Path.Combine(directory, "Directory.Build.props")))
            return "Directory.Build.props";
        var projects = ProjectFiles(directory);
        return projects.Count == 1 ? projects[0] : null;
    }

    /// <summary>The project files directly in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> ProjectFiles(string directory) =>
        [.. new[] { "*.csproj", "*.fsproj", "*.vbproj" }
            .SelectMany(p => Directory.EnumerateFiles(directory, p))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];
}
