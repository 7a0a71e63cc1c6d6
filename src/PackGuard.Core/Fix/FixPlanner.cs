using PackGuard.Findings;
using PackGuard.Fix.Bundlers;
using PackGuard.Fix.DotNet;
using PackGuard.Fix.Npm;
using PackGuard.Fix.Python;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Rules;
using PackGuard.Scanning;

namespace PackGuard.Fix;

/// <summary>
/// Turns the findings of a package's scan into the smallest change to the package's own build
/// files. Each finding is handled by its rule family and its location (the file inside the
/// package it is in), never by its specific rule, so families added later are handled too: a
/// finding in a file the package does not need is fixed by not publishing the file;
/// <c>source-map/*</c> findings also by the bundler's option; <c>debug-symbols/*</c> by MSBuild
/// properties. What cannot be changed safely becomes advice for a person.
/// </summary>
public sealed class FixPlanner
{
    private readonly RuleCatalog _catalog;

    /// <summary>Creates a planner; <paramref name="catalog"/> supplies the how-to-fix text of findings that need a person.</summary>
    public FixPlanner(RuleCatalog catalog) => _catalog = catalog;

    /// <summary>Findings below this are facts, not problems, and get no change.</summary>
    public const Severity Threshold = Severity.Low;

    /// <summary>Plans the fix for <paramref name="scan"/>, the scan of the package built from <paramref name="directory"/>.</summary>
    /// <exception cref="FixInputException">A build file the fix must edit cannot be read.</exception>
    public FixPlan Plan(string directory, string ecosystem, ScanResult scan)
    {
        var files = new ChangeSet(directory);
        var located = Locate(scan);
        var considered = located.Where(l => l.Finding.Severity >= Threshold).ToList();
        var advice = new List<string>();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var packageFiles = scan.Inventory?.Entries.Select(e => e.Path).ToList() ?? [];
        var items = ecosystem switch
        {
            "npm" => PlanNpm(directory, files, considered, packageFiles, advice, dropped),
            "nuget" => PlanNuGet(directory, files, considered, advice),
            "pypi" => PlanPython(files, considered, advice, dropped),
            _ => throw new ArgumentOutOfRangeException(nameof(ecosystem), ecosystem, "unknown ecosystem"),
        };
        var changes = files.Changes();
        return new FixPlan(ecosystem, directory, changes, items, advice, [.. dropped.Order(StringComparer.Ordinal)]);
    }

    /// <param name="Finding">The finding.</param>
    /// <param name="Family">Its rule family.</param>
    /// <param name="PackagePath">Where it is, as the package's own files name it: a file, or a folder (<c>coverage/</c>).</param>
    /// <param name="Covered">Every package file the finding is about: the file itself, the files of a folder
    /// finding, or the files a grouped finding lists (<c>properties.paths</c> of a <c>file/*</c> finding).</param>
    private sealed record Located(Finding Finding, string Family, string? PackagePath, IReadOnlyList<string> Covered);

    private static List<Located> Locate(ScanResult scan)
    {
        var entries = scan.Inventory?.Entries ?? [];
        var byArtifactPath = entries.ToDictionary(e => e.ArtifactPath, e => e.Path, StringComparer.Ordinal);
        return [.. scan.Findings.Select(f =>
        {
            var family = FindingFamilies.Of(f.RuleId);
            var outer = f.Location.Path.Split('!')[0];
            if (byArtifactPath.GetValueOrDefault(outer) is { } path)
                return new Located(f, family, path, [path, .. Listed(f, byArtifactPath).Where(p => p != path)]);
            // A folder finding (file/tests at package/test/) covers every file under the folder.
            if (outer.EndsWith('/') && entries.Where(e => e.ArtifactPath.StartsWith(outer, StringComparison.Ordinal)).ToList() is { Count: > 0 } under)
            {
                var first = under[0];
                var folder = first.Path[..(first.Path.Length - (first.ArtifactPath.Length - outer.Length))];
                return new Located(f, family, folder, [.. under.Select(e => e.Path)]);
            }
            return new Located(f, family, null, []);
        })];
    }

    /// <summary>The package files a grouped <c>file/*</c> finding lists in its <c>paths</c> property.</summary>
    private static IEnumerable<string> Listed(Finding finding, Dictionary<string, string> byArtifactPath) =>
        FindingFamilies.Of(finding.RuleId) == FindingFamilies.File && finding.Properties["paths"] is System.Text.Json.Nodes.JsonArray paths
            ? paths.Select(p => p?.GetValue<string>().Split('!')[0]).OfType<string>().Select(byArtifactPath.GetValueOrDefault).OfType<string>().Distinct(StringComparer.Ordinal)
            : [];

    private List<FixItem> PlanNpm(string directory, ChangeSet files, List<Located> considered, IReadOnlyCollection<string> packageFiles, List<string> advice, HashSet<string> dropped)
    {
        var packageJson = files.Original("package.json") ?? throw new FixInputException("package.json cannot be read as UTF-8 text.");
        var droppable = considered.Where(IsFileFinding).ToList();
        NpmFilesOutcome outcome;
        try
        {
            outcome = NpmFilesFix.Plan(directory, packageJson, packageFiles,
                [.. droppable.SelectMany(l => l.Covered.Select(p => new DropRequest(p, FindingFamilies.FileItselfIsUnintended(l.Family))))]);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new FixInputException($"package.json is not valid JSON: {e.Message}");
        }
        if (outcome.Change is not null)
            files.Add(outcome.Change);
        dropped.UnionWith(outcome.Dropped);

        var kept = considered.Where(l => l.PackagePath is null || !IsDropped(l, outcome.Dropped)).ToList();
        var needs = new MapNeeds(
            DropSources: considered.Any(l => l.Finding.RuleId == SourceMapRules.EmbeddedSources),
            HideReference: kept.Any(l => l.Finding.RuleId == SourceMapRules.DanglingReference),
            NoInlineMaps: kept.Any(l => l.Family == FindingFamilies.SourceMap && l.Finding.RuleId != SourceMapRules.DanglingReference && l.PackagePath is { } p && !PackagePaths.IsMap(p)));
        var bundler = BundlerFix.Plan(files, needs);
        advice.AddRange(bundler.Where(b => !b.Applied).Select(b => b.Text));

        var items = new List<FixItem>();
        foreach (var located in considered)
        {
            var kinds = new List<FixKind>();
            var actions = new List<string>();
            var isDropped = IsDropped(located, outcome.Dropped);
            if (isDropped)
            {
                kinds.Add(FixKind.DropFile);
                actions.Add($"left out of the package by {outcome.Mechanism}");
            }
            if (located.Family == FindingFamilies.SourceMap)
            {
                var applied = bundler.Where(b => b.Applied).ToList();
                if (applied.Count > 0 && (located.Finding.RuleId != SourceMapRules.DanglingReference || needs.HideReference))
                {
                    kinds.Add(FixKind.BuildOption);
                    actions.Add(string.Join("; ", applied.Select(b => $"{b.Tool} in {b.Where}: {b.Text}")));
                }
            }
            if (kinds.Count == 0)
            {
                kinds.Add(FixKind.Manual);
                var stays = located.Covered.FirstOrDefault(outcome.NotDropped.ContainsKey);
                var reason = stays is not null ? $"{stays} stays in the package: {outcome.NotDropped[stays]}. " : "";
                actions.Add(reason + HowToFix(located.Finding));
            }
            if (located.Family == FindingFamilies.Secret && isDropped)
                actions.Add("if this file was ever published or shared, rotate the credential too: removing it stops the next leak, not the last");
            items.Add(new FixItem(located.Finding, located.PackagePath, kinds, Sentence(actions)));
        }
        return items;
    }

    private List<FixItem> PlanNuGet(string directory, ChangeSet files, List<Located> considered, List<string> advice)
    {
        var items = new List<FixItem>();
        var debug = considered.Where(l => l.Family == FindingFamilies.DebugSymbols).ToList();
        string? summary = null;
        var target = MsBuildFix.TargetFile(directory);
        if (debug.Count > 0)
        {
            var properties = MsBuildFix.PropertiesFor(debug.Select(d => (d.Finding.RuleId, d.PackagePath)), target == "Directory.Build.props");
            if (target is null)
                advice.Add($"Set {string.Join(", ", properties.Select(p => $"<{p.Name}>{p.Value}</{p.Name}>"))} in the project file or Directory.Build.props (the directory has {(MsBuildFix.ProjectFiles(directory).Count == 0 ? "no project file" : "several project files")}).");
            else if (properties.Count > 0)
            {
                summary = MsBuildFix.Apply(files, target, properties);
                if (summary is null)
                    advice.Add($"Set {string.Join(", ", properties.Select(p => $"<{p.Name}>{p.Value}</{p.Name}>"))} in {target}: PackGuard could not place them safely there (a property defined in an unusual form or no PropertyGroup).");
            }
        }
        foreach (var located in considered)
        {
            if (located.Family == FindingFamilies.DebugSymbols && summary is { Length: > 0 })
            {
                items.Add(new FixItem(located.Finding, located.PackagePath, [FixKind.BuildOption], Sentence([$"MSBuild properties in {target}: {summary}"])));
                continue;
            }
            var action = IsFileFinding(located) && !IsNuGetNeeded(located.PackagePath!)
                ? $"{located.PackagePath} is not something a NuGet package needs; remove the item that packs it (Pack=\"true\" or a PackagePath in the project file), or add <None Update=\"...\" Pack=\"false\" /> for it. {HowToFix(located.Finding)}"
                : HowToFix(located.Finding);
            items.Add(new FixItem(located.Finding, located.PackagePath, [FixKind.Manual], Sentence([action])));
        }
        return items;
    }

    private List<FixItem> PlanPython(ChangeSet files, List<Located> considered, List<string> advice, HashSet<string> dropped)
    {
        var droppable = considered.Where(l => IsFileFinding(l) && (FindingFamilies.FileItselfIsUnintended(l.Family) || !PythonFix.IsNeeded(l.PackagePath!))).ToList();
        var mechanism = droppable.Count > 0 ? PythonFix.Apply(files, [.. droppable.SelectMany(l => l.Covered).Distinct(StringComparer.Ordinal)]) : null;
        if (droppable.Count > 0 && mechanism is null)
            advice.Add("Exclude " + string.Join(", ", droppable.Select(l => l.PackagePath).Distinct()) + " from the distribution: pyproject.toml's [tool.hatch.build] exclude already spans several lines, so PackGuard did not edit it.");
        var items = new List<FixItem>();
        foreach (var located in considered)
        {
            if (mechanism is not null && droppable.Contains(located))
            {
                var actions = new List<string> { $"left out of the distribution by {mechanism}" };
                if (located.Family == FindingFamilies.Secret)
                    actions.Add("if this file was ever published or shared, rotate the credential too");
                items.Add(new FixItem(located.Finding, located.PackagePath, [FixKind.DropFile], Sentence(actions)));
                dropped.UnionWith(located.Covered);
                continue;
            }
            items.Add(new FixItem(located.Finding, located.PackagePath, [FixKind.Manual], Sentence([HowToFix(located.Finding)])));
        }
        return items;
    }

    /// <summary>Whether every file the finding covers is left out.</summary>
    private static bool IsDropped(Located located, IReadOnlySet<string> dropped) =>
        located.Covered.Count > 0 && located.Covered.All(dropped.Contains);

    /// <summary>A finding in a file of the package (not about the whole archive, not the manifest itself).</summary>
    private static bool IsFileFinding(Located located) =>
        located.PackagePath is { } path
        && !FindingFamilies.IsAboutWholeArtifact(located.Family)
        && path is not ("package.json" or "PKG-INFO")
        && !path.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] NuGetFolders = ["lib", "ref", "runtimes", "build", "buildTransitive", "buildMultiTargeting", "analyzers", "tools", "content", "contentFiles", "_rels", "package"];

    private static bool IsNuGetNeeded(string path) =>
        !PackagePaths.IsNeverNeeded(path) && (NuGetFolders.Contains(PackagePaths.TopSegment(path), StringComparer.OrdinalIgnoreCase) || !path.Contains('/'));

    private string HowToFix(Finding finding) =>
        finding.Fix ?? _catalog.Find(finding.RuleId)?.HowToFix ?? $"see `packguard rules show {finding.RuleId}`";

    private static string Sentence(IEnumerable<string> parts)
    {
        var text = string.Join("; ", parts).Trim();
        if (text.Length == 0)
            return text;
        text = char.ToUpperInvariant(text[0]) + text[1..];
        return text.EndsWith('.') ? text : text + ".";
    }
}

/// <summary>A build file the fix must read or edit is missing or malformed.</summary>
public sealed class FixInputException : Exception
{
    /// <summary>Creates the exception with a message a user can act on.</summary>
    public FixInputException(string message) : base(message) { }
}
