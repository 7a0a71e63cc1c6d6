namespace PackGuard.Fix.Npm;

/// <summary>
/// Leaves files out with <c>.npmignore</c> lines, for a package that declares no entry point to
/// build a <c>files</c> allowlist from. npm reads <c>.gitignore</c> only while there is no
/// <c>.npmignore</c>, so a new <c>.npmignore</c> starts with the <c>.gitignore</c>'s lines:
/// otherwise files git ignores (a local <c>.env</c>, build output) would start to ship.
/// </summary>
internal static class NpmIgnoreFix
{
    public static NpmFilesOutcome Plan(string directory, IReadOnlyCollection<string> packageFiles, IReadOnlyList<DropRequest> requests)
    {
        var notDropped = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new List<string>();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests.DistinctBy(r => r.Path))
        {
            if (NpmNeeds.AlwaysPublished(request.Path))
            {
                notDropped[request.Path] = "npm publishes it whatever .npmignore says";
                continue;
            }
            var line = PackagePaths.IsMap(request.Path) ? "*.map" : "/" + request.Path;
            if (!lines.Contains(line, StringComparer.Ordinal))
                lines.Add(line);
        }
        foreach (var path in packageFiles)
        {
            if (lines.Any(l => l == "*.map" ? PackagePaths.IsMap(path) : "/" + path == l))
                dropped.Add(path);
        }
        if (lines.Count == 0)
            return new NpmFilesOutcome(null, dropped, notDropped, ".npmignore");

        var existing = ProjectFile.Read(directory, ".npmignore");
        if (existing is not null)
        {
            var present = existing.Text.Split('\n').Select(l => l.TrimEnd('\r').Trim()).ToHashSet(StringComparer.Ordinal);
            var missing = lines.Where(l => !present.Contains(l)).ToList();
            if (missing.Count == 0)
                return new NpmFilesOutcome(null, dropped, notDropped, ".npmignore");
            var newline = Text.TextLines.NewlineOf(existing.Text);
            var text = existing.Text.Length == 0 || existing.Text.EndsWith('\n') ? existing.Text : existing.Text + newline;
            text += string.Concat(missing.Select(l => l + newline));
            return new NpmFilesOutcome(existing.ChangeTo(text, $".npmignore: add {string.Join(", ", missing)}"), dropped, notDropped, ".npmignore");
        }

        var gitignore = ProjectFile.Read(directory, ".gitignore");
        var start = gitignore is null ? "" : "# From .gitignore: npm stops reading it once .npmignore exists.\n" + gitignore.Text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n\n";
        var created = start + "# Not published (packguard fix).\n" + string.Concat(lines.Select(l => l + "\n"));
        return new NpmFilesOutcome(ProjectFile.Create(".npmignore", created, $"create .npmignore leaving out {string.Join(", ", lines)}"), dropped, notDropped, "the new .npmignore");
    }
}
