using System.Text.RegularExpressions;
using PackGuard.Fix.Text;
using PackGuard.Inspectors;

namespace PackGuard.Fix.Bundlers;

/// <summary>
/// Finds the tool that writes the package's source maps and proposes the one-line change that
/// drops <c>sourcesContent</c> (or the reference, or inline maps): esbuild and Bun in package.json
/// scripts, esbuild build files, webpack <c>devtool</c>, Rollup <c>output.sourcemap</c>, Vite
/// <c>build.sourcemap</c> and tsc <c>inlineSources</c>. A setting that is not on a line of its
/// own, in a form this class recognises whole, gets advice instead of an edit: configuration
/// written as code is not rewritten by guesswork.
/// </summary>
internal static class BundlerFix
{
    private static readonly string[] ScriptExtensions = ["js", "mjs", "cjs", "ts", "mts", "cts"];
    private static readonly Regex SourcemapFlag = RegexSafety.Create("--sourcemap(=[a-z]+)?");
    private static readonly Regex NodeScriptFile = RegexSafety.Create(@"\b(?:node|tsx|ts-node|bun)\s+([\w./-]+\.(?:m|c)?[jt]s)\b");
    private static readonly Regex SourcemapProperty = RegexSafety.Create(@"([ \t]*)sourcemap\s*:\s*(true|'[a-z]+'|""[a-z]+"")\s*(,?)[ \t]*");
    private static readonly Regex DevtoolProperty = RegexSafety.Create(@"([ \t]*)devtool\s*:\s*['""]([a-z-]+)['""]\s*(,?)[ \t]*");
    private static readonly Regex InlineSourcesOption = RegexSafety.Create(@"([ \t]*)""inlineSources""\s*:\s*true\s*(,?)[ \t]*");
    private static readonly Regex InlineSourceMapOption = RegexSafety.Create(@"[ \t]*""inlineSourceMap""\s*:\s*true\s*,?[ \t]*");

    public static IReadOnlyList<BundlerChange> Plan(ChangeSet files, MapNeeds needs)
    {
        var changes = new List<BundlerChange>();
        if (!needs.Any)
            return changes;
        Scripts(files, needs, changes);
        foreach (var extension in ScriptExtensions)
        {
            EsbuildFile(files, $"esbuild.config.{extension}", needs, changes);
            Webpack(files, $"webpack.config.{extension}", needs, changes);
            Rollup(files, $"rollup.config.{extension}", needs, changes, vite: false);
            Rollup(files, $"vite.config.{extension}", needs, changes, vite: true);
        }
        TypeScript(files, needs, changes);
        return changes;
    }

    private static void Scripts(ChangeSet files, MapNeeds needs, List<BundlerChange> changes)
    {
        if (files.Current("package.json") is not { } text)
            return;
        JsonSpan root;
        try
        {
            root = JsonSpans.Parse(text);
        }
        catch (FormatException)
        {
            return;
        }
        if (root.Member("scripts")?.Value.Members is not { } scripts)
            return;
        var edits = new List<TextEdit>();
        var notes = new List<string>();
        var buildFiles = new List<string>();
        foreach (var script in scripts)
        {
            if (script.Value.StringValue is not { } command)
                continue;
            foreach (Match file in NodeScriptFile.Matches(command))
                buildFiles.Add(file.Groups[1].Value);
            var isEsbuild = command.Contains("esbuild", StringComparison.Ordinal);
            var isBun = command.Contains("bun build", StringComparison.Ordinal);
            var flag = SourcemapFlag.Match(command);
            if (!flag.Success || !(isEsbuild || isBun))
                continue;
            // The raw JSON string holds the flag unescaped, so its offset in the text is found by searching the raw span.
            var raw = text[script.Value.Start..script.Value.End];
            var rawFlag = SourcemapFlag.Match(raw);
            if (!rawFlag.Success)
                continue;
            var mode = rawFlag.Groups[1].Success ? rawFlag.Groups[1].Value[1..] : "linked";
            var replacement = rawFlag.Value;
            var what = new List<string>();
            if ((needs.NoInlineMaps && mode is "inline" or "both") || (needs.HideReference && mode == "linked"))
            {
                replacement = "--sourcemap=external";
                what.Add(mode == "linked" ? "no sourceMappingURL comment (--sourcemap=external)" : "maps as separate files, not inline (--sourcemap=external)");
            }
            if (needs.DropSources && isEsbuild && !command.Contains("--sources-content", StringComparison.Ordinal))
            {
                replacement += " --sources-content=false";
                what.Add("maps without the original source (--sources-content=false)");
            }
            else if (needs.DropSources && isBun)
            {
                notes.Add($"Bun cannot leave sourcesContent out of a map: the script \"{script.Key}\" should build the published package with --sourcemap=none, or the maps must stay out of the package.");
            }
            if (replacement == rawFlag.Value)
                continue;
            edits.Add(new TextEdit(script.Value.Start + rawFlag.Index, script.Value.Start + rawFlag.Index + rawFlag.Length, replacement));
            changes.Add(new BundlerChange(isEsbuild ? "esbuild" : "Bun", $"package.json script \"{script.Key}\"", true, string.Join("; ", what)));
        }
        foreach (var note in notes)
            changes.Add(new BundlerChange("Bun", "package.json", false, note));
        if (edits.Count > 0)
            files.Set("package.json", TextEdit.Apply(text, edits), "build scripts: " + string.Join("; ", changes.Where(c => c.Applied).Select(c => $"{c.Where}: {c.Text}")));
        foreach (var file in buildFiles.Distinct(StringComparer.Ordinal))
        {
            if (PackagePaths.Normalise(file) is { } path && !path.StartsWith("node_modules/", StringComparison.Ordinal) && files.Current(path) is { } code && code.Contains("esbuild", StringComparison.Ordinal))
                EsbuildFile(files, path, needs, changes);
        }
    }

    private static void EsbuildFile(ChangeSet files, string path, MapNeeds needs, List<BundlerChange> changes)
    {
        if (files.Current(path) is not { } text || changes.Any(c => c.Where == path))
            return;
        var lines = LineEdits.Matching(text, SourcemapProperty);
        if (lines.Count != 1)
        {
            if (text.Contains("sourcemap", StringComparison.Ordinal))
                changes.Add(new BundlerChange("esbuild", path, false, $"Set sourcesContent: false next to sourcemap in {path} (the build API's --sources-content=false){(needs.HideReference ? ", and sourcemap: 'external' so that the bundle names no map" : "")}."));
            return;
        }
        var match = lines[0].Match;
        var value = match.Groups[2].Value.Trim('\'', '"');
        var newValue = match.Groups[2].Value;
        var what = new List<string>();
        if ((needs.HideReference && value is "true" or "linked") || (needs.NoInlineMaps && value is "inline" or "both"))
        {
            newValue = "'external'";
            what.Add("sourcemap: 'external'");
        }
        var sourcesOff = needs.DropSources && !text.Contains("sourcesContent", StringComparison.Ordinal) ? "sourcesContent: false" : null;
        ReplaceSourcemapLine(files, changes, "esbuild", path, text, lines[0], newValue, sourcesOff, what);
    }

    /// <summary>
    /// Rewrites the one <c>sourcemap:</c> line to <paramref name="newValue"/>, with <paramref name="sourcesOff"/>
    /// (the bundler's "no sources in maps" option) added on the next line when set; records nothing
    /// when there is nothing to change.
    /// </summary>
    private static void ReplaceSourcemapLine(ChangeSet files, List<BundlerChange> changes, string tool, string path, string text,
        (int Start, string Line, System.Text.RegularExpressions.Match Match) found, string newValue, string? sourcesOff, List<string> what)
    {
        var (start, line, match) = found;
        var indent = match.Groups[1].Value;
        var trailingComma = match.Groups[3].Value.Length > 0;
        var replacement = $"{indent}sourcemap: {newValue}" + (sourcesOff is not null || trailingComma ? "," : "");
        if (sourcesOff is not null)
        {
            replacement += TextLines.NewlineOf(text) + indent + sourcesOff + (trailingComma ? "," : "");
            what.Add(sourcesOff);
        }
        if (what.Count == 0)
            return;
        files.Set(path, LineEdits.ReplaceLine(text, start, line, replacement), $"{path}: {string.Join(", ", what)}");
        changes.Add(new BundlerChange(tool, path, true, string.Join(", ", what)));
    }

    private static void Webpack(ChangeSet files, string path, MapNeeds needs, List<BundlerChange> changes)
    {
        if (files.Current(path) is not { } text)
            return;
        var lines = LineEdits.Matching(text, DevtoolProperty);
        if (lines.Count != 1)
        {
            if (text.Contains("devtool", StringComparison.Ordinal))
                changes.Add(new BundlerChange("webpack", path, false, $"Set devtool to a nosources- variant in {path} ('nosources-source-map'{(needs.HideReference ? ", or 'hidden-nosources-source-map' so that the bundle names no map" : "")}) for the published build."));
            return;
        }
        var (start, line, match) = lines[0];
        var value = match.Groups[2].Value;
        if (!value.EndsWith("source-map", StringComparison.Ordinal) || value.StartsWith("eval", StringComparison.Ordinal))
        {
            changes.Add(new BundlerChange("webpack", path, false, $"devtool '{value}' in {path} is a development setting; build the published package with devtool 'nosources-source-map' or false."));
            return;
        }
        var parts = value.Split('-').ToList();
        var prefix = parts[0] is "inline" or "hidden" ? parts[0] : null;
        if (needs.NoInlineMaps && prefix == "inline")
            prefix = "hidden";
        if (needs.HideReference && prefix is null)
            prefix = "hidden";
        var nosources = parts.Contains("nosources") || needs.DropSources;
        var rest = string.Join('-', parts.Where(p => p is not ("inline" or "hidden" or "nosources")));
        var newValue = string.Join('-', new[] { prefix, nosources ? "nosources" : null, rest }.OfType<string>());
        if (newValue == value)
            return;
        var replacement = line[..match.Groups[2].Index] + newValue + line[(match.Groups[2].Index + value.Length)..];
        files.Set(path, LineEdits.ReplaceLine(text, start, line, replacement), $"{path}: devtool '{newValue}'");
        changes.Add(new BundlerChange("webpack", path, true, $"devtool '{value}' -> '{newValue}'"));
    }

    private static void Rollup(ChangeSet files, string path, MapNeeds needs, List<BundlerChange> changes, bool vite)
    {
        if (files.Current(path) is not { } text)
            return;
        var tool = vite ? "Vite" : "Rollup";
        var lines = LineEdits.Matching(text, SourcemapProperty);
        if (lines.Count != 1 || (vite && needs.DropSources))
        {
            if (text.Contains("sourcemap", StringComparison.Ordinal))
            {
                changes.Add(new BundlerChange(tool, path, false, vite
                    ? $"Vite has no switch for sourcesContent of its own: in {path} set build.rollupOptions.output.sourcemapExcludeSources: true, or build.sourcemap: false for the published build{(needs.HideReference ? " ('hidden' keeps maps but names none in the bundles)" : "")}."
                    : $"Set sourcemapExcludeSources: true beside output.sourcemap in {path}{(needs.HideReference ? ", and sourcemap: 'hidden' so that the bundles name no map" : "")}."));
            }
            return;
        }
        var match = lines[0].Match;
        var value = match.Groups[2].Value.Trim('\'', '"');
        var newValue = match.Groups[2].Value;
        var what = new List<string>();
        if ((needs.HideReference && value == "true") || (needs.NoInlineMaps && value == "inline"))
        {
            newValue = "'hidden'";
            what.Add("sourcemap: 'hidden'");
        }
        var sourcesOff = !vite && needs.DropSources && !text.Contains("sourcemapExcludeSources", StringComparison.Ordinal) ? "sourcemapExcludeSources: true" : null;
        ReplaceSourcemapLine(files, changes, tool, path, text, lines[0], newValue, sourcesOff, what);
    }

    private static void TypeScript(ChangeSet files, MapNeeds needs, List<BundlerChange> changes)
    {
        foreach (var path in new[] { "tsconfig.json", "tsconfig.build.json" })
        {
            if (files.Current(path) is not { } text)
                continue;
            if (needs.DropSources)
            {
                var lines = LineEdits.Matching(text, InlineSourcesOption);
                if (lines.Count == 1)
                {
                    var (start, line, _) = lines[0];
                    var replacement = line.Replace("true", "false", StringComparison.Ordinal);
                    files.Set(path, LineEdits.ReplaceLine(text, start, line, replacement), $"{path}: inlineSources false");
                    changes.Add(new BundlerChange("tsc", path, true, "\"inlineSources\": false (maps name the sources instead of holding them)"));
                    text = files.Current(path)!;
                }
                else if (text.Contains("\"inlineSources\"", StringComparison.Ordinal))
                {
                    changes.Add(new BundlerChange("tsc", path, false, $"Set \"inlineSources\": false in {path}."));
                }
            }
            if (needs.NoInlineMaps && LineEdits.Matching(text, InlineSourceMapOption).Count > 0)
                changes.Add(new BundlerChange("tsc", path, false, $"{path} sets \"inlineSourceMap\": true, which puts the map inside each .js file; use \"sourceMap\": true for separate .map files that stay out of the package."));
        }
    }
}
