using System.Text.Json;
using PackGuard.Fix.Text;

namespace PackGuard.Fix.Npm;

/// <summary>A file the fix should leave out of the package, and whether the file itself is the problem (a <c>file/*</c> finding).</summary>
/// <param name="Path">The package path.</param>
/// <param name="Unintended">The finding says the file should not ship at all, whatever its name.</param>
internal readonly record struct DropRequest(string Path, bool Unintended);

/// <summary>The outcome of the package.json (or .npmignore) edit.</summary>
/// <param name="Change">The edit, or <see langword="null"/> when nothing can be dropped.</param>
/// <param name="Dropped">Package paths the edit leaves out of the package.</param>
/// <param name="NotDropped">Requested paths the package needs, with the reason.</param>
/// <param name="Mechanism">How the files are left out, for messages: <c>the "files" allowlist in package.json</c>.</param>
internal sealed record NpmFilesOutcome(FileChange? Change, IReadOnlySet<string> Dropped, IReadOnlyDictionary<string, string> NotDropped, string Mechanism);

/// <summary>
/// Leaves files out of an npm package with the smallest edit to its own files: a new
/// <c>files</c> allowlist of what the package needs when package.json has none (npm then
/// ignores everything else, .env and tests included), negated entries (<c>!dist/**/*.map</c>)
/// or a removed entry when it has one, and <c>.npmignore</c> lines when the package declares no
/// entry point to build an allowlist from. package.json is edited as text, never re-serialised.
/// </summary>
internal static class NpmFilesFix
{
    private static readonly string[] AnchorKeys = ["main", "module", "types", "typings", "exports", "bin", "browser", "man", "directories"];

    public static NpmFilesOutcome Plan(string directory, ProjectFile packageJson, IReadOnlyCollection<string> packageFiles, IReadOnlyList<DropRequest> requests)
    {
        var root = JsonSpans.Parse(packageJson.Text);
        using var document = JsonDocument.Parse(packageJson.Text.TrimStart('\uFEFF'));
        var entryPoints = NpmEntryPoints.Read(document.RootElement);
        var needs = NpmNeeds.Compute(entryPoints, packageFiles, (path, limit) => ReadPrefix(directory, path, limit));
        var notDropped = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = root.Member("files");

        if (files is null && !needs.HasEntryPoints)
            return NpmIgnoreFix.Plan(directory, packageFiles, requests);

        var hasAllowlist = files is not null;
        var toDrop = new List<DropRequest>();
        foreach (var request in requests.DistinctBy(r => r.Path))
        {
            if (needs.IsRequired(request.Path))
                notDropped[request.Path] = NpmNeeds.AlwaysPublished(request.Path)
                    ? "npm publishes it whatever package.json says"
                    : "it is an entry point of the package (package.json main, bin, exports or an import of one)";
            else if (!hasAllowlist && needs.IsOutsideRoots(request.Path))
                toDrop.Add(request);
            else if (request.Unintended || PackagePaths.IsNeverNeeded(request.Path) || needs.IsOutsideRoots(request.Path))
                toDrop.Add(request);
            else
                notDropped[request.Path] = $"it is in {PackagePaths.TopSegment(request.Path)}/, which the package's entry points need, and it looks like code or data the package may load";
        }
        if (toDrop.Count == 0)
            return new NpmFilesOutcome(null, new HashSet<string>(), notDropped, "package.json");

        if (files is null)
        {
            // The allowlist starts from what the entry points need and keeps every other top-level
            // file or folder that still holds something the package might load at run time (a
            // vendor/ folder of binaries found by a computed path, type declarations): only what the
            // findings name, and what no installed package needs, leaves. A smaller allowlist
            // would break packages whose needs PackGuard cannot see.
            var requested = toDrop.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
            var kept = packageFiles
                .Where(p => !requested.Contains(p) && !NpmNeeds.AlwaysPublished(p) && !PackagePaths.IsNeverNeeded(p))
                .Select(PackagePaths.TopSegment)
                .Where(top => !needs.Roots.Contains(top))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            var roots = needs.Roots.Concat(kept).Order(StringComparer.Ordinal).ToList();
            var negations = Negations(toDrop.Where(r => roots.Contains(PackagePaths.TopSegment(r.Path), StringComparer.Ordinal)));
            var values = roots.Concat(negations).ToList();
            var anchor = AnchorKeys.Select(root.Member).LastOrDefault(m => m is not null) ?? root.Member("version") ?? root.Member("name");
            var edit = JsonEdits.InsertArrayMember(packageJson.Text, root, anchor, "files", values);
            var text = TextEdit.Apply(packageJson.Text, [edit]);
            Verify(text, values);
            var dropped = packageFiles
                .Where(p => (!NpmNeeds.AlwaysPublished(p) && !roots.Contains(PackagePaths.TopSegment(p), StringComparer.Ordinal)) || negations.Any(n => Matches(n, p)))
                .ToHashSet(StringComparer.Ordinal);
            return new NpmFilesOutcome(
                packageJson.ChangeTo(text, $"add a \"files\" allowlist ({string.Join(", ", values)}) so that npm publishes only what the package needs"),
                dropped, notDropped, "the new \"files\" allowlist in package.json");
        }

        if (files.Value.Items is not { } items || items.Any(i => i.StringValue is null))
        {
            foreach (var request in toDrop)
                notDropped[request.Path] = "package.json \"files\" is not an array of strings, so PackGuard does not edit it";
            return new NpmFilesOutcome(null, new HashSet<string>(), notDropped, "package.json");
        }
        var current = items.Select(i => i.StringValue!).ToList();
        var removals = new List<int>();
        foreach (var request in toDrop)
        {
            var exact = current.FindIndex(v => PackagePaths.Normalise(v) == request.Path && !v.StartsWith('!'));
            if (exact >= 0)
                removals.Add(exact);
        }
        var rest = toDrop.Where(r => !removals.Any(i => PackagePaths.Normalise(current[i]) == r.Path)).ToList();
        var added = Negations(rest).Where(n => !current.Contains(n, StringComparer.Ordinal)).ToList();
        var edits = new List<TextEdit>();
        if (removals.Count > 0 && removals.Distinct().Count() == items.Count && added.Count == 0)
        {
            foreach (var request in toDrop)
                notDropped[request.Path] = "it is the only entry of package.json \"files\"";
            return new NpmFilesOutcome(null, new HashSet<string>(), notDropped, "package.json");
        }
        edits.AddRange(removals.Distinct().Select(i => JsonEdits.RemoveItem(files.Value, i)));
        if (added.Count > 0)
        {
            // Appending after an item that is also removed would overlap; append after the last item kept.
            var keptLast = Enumerable.Range(0, items.Count).Where(i => !removals.Contains(i)).DefaultIfEmpty(-1).Last();
            edits.Add(keptLast == items.Count - 1 || keptLast < 0
                ? JsonEdits.AppendItems(packageJson.Text, files.Value, added)
                : TextEdit.Insert(items[keptLast].End, string.Concat(added.Select(a => Separator(packageJson.Text, items, keptLast) + JsonSpans.Quote(a)))));
        }
        var newText = TextEdit.Apply(packageJson.Text, edits);
        var expected = current.Where((_, i) => !removals.Contains(i)).ToList();
        expected.AddRange(added);
        Verify(newText, expected);
        var droppedNow = packageFiles.Where(p => toDrop.Any(r => r.Path == p) || added.Any(n => Matches(n, p))).ToHashSet(StringComparer.Ordinal);
        var what = string.Join(", ", removals.Distinct().Select(i => $"remove \"{current[i]}\"").Concat(added.Select(a => $"add \"{a}\"")));
        return new NpmFilesOutcome(packageJson.ChangeTo(newText, $"package.json \"files\": {what}"), droppedNow, notDropped, "package.json \"files\"");
    }

    /// <summary>Negated <c>files</c> entries: one per map directory (<c>!dist/**/*.map</c>, every map there), one per other file.</summary>
    internal static List<string> Negations(IEnumerable<DropRequest> requests)
    {
        var result = new List<string>();
        foreach (var request in requests.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            var negation = PackagePaths.IsMap(request.Path) && request.Path.Contains('/')
                ? $"!{PackagePaths.TopSegment(request.Path)}/**/*.map"
                : "!" + request.Path;
            if (!result.Contains(negation, StringComparer.Ordinal))
                result.Add(negation);
        }
        return result;
    }

    /// <summary>Whether a negated entry this class writes leaves <paramref name="path"/> out.</summary>
    internal static bool Matches(string negation, string path)
    {
        var pattern = negation.TrimStart('!');
        if (pattern.EndsWith("/**/*.map", StringComparison.Ordinal))
            return path.StartsWith(pattern[..^"**/*.map".Length], StringComparison.Ordinal) && PackagePaths.IsMap(path);
        return path == pattern || path.StartsWith(pattern + "/", StringComparison.Ordinal);
    }

    private static string Separator(string text, IReadOnlyList<JsonSpan> items, int after)
    {
        var indent = TextEdit.IndentAt(text, items[after].Start);
        return indent is null ? ", " : "," + TextLines.NewlineOf(text) + indent;
    }

    /// <summary>The edited text must still be JSON whose <c>files</c> is exactly what was meant; anything else is a bug, not a proposal.</summary>
    private static void Verify(string text, IReadOnlyList<string> expected)
    {
        using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'));
        var files = document.RootElement.GetProperty("files").EnumerateArray().Select(e => e.GetString()).ToList();
        if (!files.SequenceEqual(expected))
            throw new InvalidOperationException($"the package.json edit produced files [{string.Join(", ", files)}], not [{string.Join(", ", expected)}]");
    }

    internal static string? ReadPrefix(string directory, string path, int limit)
    {
        try
        {
            var full = Path.Combine(directory, path);
            var info = new FileInfo(full);
            if (!info.Exists || info.LinkTarget is not null)
                return null;
            using var stream = info.OpenRead();
            var buffer = new byte[(int)Math.Min(limit, info.Length)];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
