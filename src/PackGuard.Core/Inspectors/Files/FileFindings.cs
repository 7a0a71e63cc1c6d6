using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Turns observations into findings, few of them: a file that may hold credentials is one finding
/// (or, beyond <see cref="FilesPerDirectory"/> of a kind in one directory, one for the
/// directory); a folder (<c>.git/</c>, <c>test/</c>, <c>.github/</c>) is one finding with its
/// file count; scattered litter (logs, <c>.DS_Store</c>, <c>*.test.js</c>) is one finding per
/// kind for the whole package, and so are more than <see cref="FoldersPerRule"/> folders of one
/// kind (forty <c>__tests__</c> folders). Files in test, fixture, example and template folders
/// are at most low: packages keep sample credentials there on purpose.
/// </summary>
internal static class FileFindings
{
    private const int FilesPerDirectory = 3;
    private const int FoldersPerRule = 5;
    /// <summary>Paths a folder finding lists: its location already names every file in it.</summary>
    private const int ListedPaths = 20;

    /// <summary>Paths a grouped finding lists: all of them (within reason), so that a fix can leave each out.</summary>
    private const int ListedGroupPaths = 1000;

    private static readonly HashSet<string> PerFileRules =
        [FileRules.EnvFile, FileRules.RegistryConfig, FileRules.PrivateKey, FileRules.TerraformState, FileRules.KubeConfig, FileRules.DockerConfig, FileRules.Database, FileRules.VcsFolder];

    public static void Report(IFindingSink sink, IReadOnlyList<FileObservation> observations, PackageMetadata metadata)
    {
        var advisor = new FileFixAdvisor(metadata);
        var root = NpmPackRules.Root(metadata);
        var groups = new List<Group>();
        foreach (var bucket in observations.Select(o => Lower(o)).GroupBy(KeyOf))
        {
            var members = bucket.ToList();
            if (bucket.Key.Scope == Scope.File && members.Count <= FilesPerDirectory)
                groups.AddRange(members.Select(m => new Group(Scope.File, m.Path, [m])));
            else
                groups.Add(new Group(bucket.Key.Scope == Scope.File ? Scope.Directory : bucket.Key.Scope, bucket.Key.Place, members));
        }
        foreach (var group in Collapse(groups).OrderBy(g => g.Place, StringComparer.Ordinal))
            sink.Report(Build(group, advisor, root));
    }

    /// <summary>Caps the severity of sample files (tests, fixtures, examples, templates) at low, and says why.</summary>
    private static FileObservation Lower(FileObservation observation)
    {
        if (!PerFileRules.Contains(observation.Candidate.RuleId) || observation.Verdict.Severity <= Severity.Low || !SampleContext.Is(observation.Path))
            return observation;
        var verdict = observation.Verdict with
        {
            Severity = Severity.Low,
            Reason = observation.Verdict.Reason + "; it sits among tests, fixtures, examples or templates, where packages keep sample files on purpose, so check that nothing in it is live",
        };
        return observation with { Verdict = verdict };
    }

    private enum Scope
    {
        File,
        Directory,
        Folder,
        Package,
    }

    private sealed record Key(string RuleId, Scope Scope, string Place, string Kind, Severity Severity);

    private sealed record Group(Scope Scope, string Place, IReadOnlyList<FileObservation> Members)
    {
        public FileObservation Worst => Members.MaxBy(m => m.Verdict.Severity)!;

        public string RuleId => Members[0].Candidate.RuleId;
    }

    private static Key KeyOf(FileObservation o)
    {
        var container = o.Path[..(o.Path.LastIndexOf('!') + 1)];
        var c = o.Candidate;
        if (c.Group is { } folder)
            return new(c.RuleId, Scope.Folder, container + folder, "", Severity.Info);
        if (PerFileRules.Contains(c.RuleId))
            return new(c.RuleId, Scope.File, o.Path[..(o.Path.LastIndexOf('/') + 1)], c.Kind, o.Verdict.Severity);
        return new(c.RuleId, Scope.Package, container, "", Severity.Info);
    }

    /// <summary>More than <see cref="FoldersPerRule"/> folders or package-wide groups of one litter rule in one container become one finding.</summary>
    private static IEnumerable<Group> Collapse(List<Group> groups)
    {
        foreach (var byRule in groups.GroupBy(g => (g.RuleId, Container: g.Place[..(g.Place.LastIndexOf('!') + 1)], Litter: g.Scope is Scope.Folder or Scope.Package && !PerFileRules.Contains(g.RuleId))))
        {
            var list = byRule.ToList();
            if (!byRule.Key.Litter || list.Count(g => g.Scope == Scope.Folder) <= FoldersPerRule)
            {
                foreach (var group in list)
                    yield return group;
                continue;
            }
            yield return new Group(Scope.Package, byRule.Key.Container, [.. list.SelectMany(g => g.Members)]);
        }
    }

    private static Finding Build(Group group, FileFixAdvisor advisor, string? root)
    {
        var worst = group.Worst;
        var ruleId = group.RuleId;
        var members = group.Members;
        var credentials = members.SelectMany(m => m.Verdict.Credentials).Distinct(StringComparer.Ordinal).ToList();
        var bytes = members.Sum(m => m.Size);
        // A folder finding is located at the folder (everything in it goes); a group of files at its
        // first file, with every file in paths (the directory may hold files that should stay).
        var location = group.Scope is Scope.Folder or Scope.File ? group.Place : members.Select(m => m.Path).Min(StringComparer.Ordinal)!;
        var message = new StringBuilder(Describe(group, bytes));
        var npmRule = root is not null ? members.Select(m => NpmDefault(m.Path, root)).FirstOrDefault(r => r is not null) : null;
        if (npmRule is not null)
            message.Append($" npm leaves {npmRule} out of a package by default, so this was included on purpose (a \"files\" entry or an .npmignore negation) or packed by another tool.");
        if (credentials.Count > 0)
            message.Append(" The secret/* rules report each credential they recognise in it on their own; this finding is about the file being published at all.");

        var properties = new JsonObject
        {
            ["kind"] = worst.Candidate.Kind,
            ["files"] = members.Count,
            ["bytes"] = bytes,
            ["paths"] = new JsonArray([.. members.Select(m => m.Path).Order(StringComparer.Ordinal).Take(group.Scope == Scope.Folder ? ListedPaths : ListedGroupPaths).Select(p => (JsonNode)p)]),
            ["credentials"] = new JsonArray([.. credentials.Select(c => (JsonNode)c)]),
            ["npmDefaultRule"] = npmRule,
        };
        if (group.Scope == Scope.Package)
            properties["folders"] = new JsonArray([.. Folders(members).Take(ListedPaths).Select(f => (JsonNode)$"{f.Folder} ({f.Files})")]);
        foreach (var (key, value) in members.Select(m => m.Verdict.Details).OfType<JsonObject>().FirstOrDefault() ?? [])
            properties[key] = value?.DeepClone();

        var what = group.Scope switch
        {
            Scope.File => Relative(location, root),
            Scope.Folder => Relative(location, root),
            Scope.Directory => $"these files ({Relative(group.Place, root)})",
            _ => "these files",
        };
        return new Finding(ruleId, worst.Verdict.Severity, FileRules.TitleOf(ruleId), message.ToString(), new FindingLocation(location),
            Fingerprint.Compute(ruleId, location, worst.Candidate.Kind), properties)
        {
            Fix = advisor.For(what, credentials.Count > 0),
        };
    }

    private static string Describe(Group group, long bytes)
    {
        var worst = group.Worst;
        var members = group.Members;
        switch (group.Scope)
        {
            case Scope.File:
                return $"{worst.Path} {worst.Verdict.Reason}.";
            case Scope.Folder:
                return $"{group.Place} ({Files(members.Count)}, {ByteSize.Format(bytes)}) {worst.Verdict.Reason}.";
            case Scope.Directory:
                return $"{(group.Place.Length == 0 ? "The package root" : group.Place)} holds {members.Count} files of this kind ({First(members)}); {worst.Path} {worst.Verdict.Reason}.";
            default:
                var folders = Folders(members);
                var where = folders.Count == 1 ? $"in {folders[0].Folder}" : $"in {folders.Count.ToString("N0", CultureInfo.InvariantCulture)} folders";
                return $"{Files(members.Count)} ({ByteSize.Format(bytes)}) {where}: {First(members)}. Each {worst.Verdict.Reason}.";
        }
    }

    private static string First(IReadOnlyList<FileObservation> members)
    {
        var paths = members.Select(m => m.Path).Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", paths.Take(5));
        return paths.Count > 5 ? $"{shown} and {(paths.Count - 5).ToString("N0", CultureInfo.InvariantCulture)} more" : shown;
    }

    /// <summary>The folder each file is in (its group folder, else its directory), with counts, largest first.</summary>
    private static List<(string Folder, int Files)> Folders(IReadOnlyList<FileObservation> members) =>
        [.. members
            .GroupBy(m => m.Path[..(m.Path.LastIndexOf('!') + 1)] + (m.Candidate.Group ?? m.Path[(m.Path.LastIndexOf('!') + 1)..(m.Path.LastIndexOf('/') + 1)]))
            .Select(g => (Folder: g.Key.Length == 0 ? "./" : g.Key, Files: g.Count()))
            .OrderByDescending(f => f.Files).ThenBy(f => f.Folder, StringComparer.Ordinal)];

    private static string Files(int n) => n == 1 ? "1 file" : n.ToString("N0", CultureInfo.InvariantCulture) + " files";

    /// <summary>The npm default rule that would have left the file out, for an entry of the npm package itself.</summary>
    private static string? NpmDefault(string path, string root) =>
        path.Contains('!', StringComparison.Ordinal) || !path.StartsWith(root, StringComparison.Ordinal) ? null : NpmPackRules.DefaultRule(path[root.Length..]);

    /// <summary>The path as the package's own build files name it: without npm's <c>package/</c> prefix.</summary>
    private static string Relative(string path, string? root) =>
        root is { Length: > 0 } && path.StartsWith(root, StringComparison.Ordinal) && !path.Contains('!', StringComparison.Ordinal) ? path[root.Length..] : path;
}
