using PackGuard.Artifacts.Inventory;
using PackGuard.Artifacts.Metadata;
using PackGuard.Scanning;

namespace PackGuard.Diff;

/// <summary>
/// Compares two scans of a package (each with its <see cref="ArtifactInventory"/>, collected in the
/// scan's single pass) and produces the <c>diff/*</c> result. How the pieces fit:
/// <see cref="Changes(ArtifactInventory, ArtifactInventory)"/> lists the facts (<see cref="DiffChanges"/>; install-time code by
/// <see cref="InstallScriptChanges"/>, which judges it with the scans' install hooks); <see cref="DiffFindings"/>
/// turns the unusual ones into findings by the rules of <see cref="DiffRules"/>; the result is a
/// <see cref="ScanResult"/> of the new target whose findings are the diff findings and which
/// carries a <see cref="DiffComparison"/>, so policy and report writers treat it like a scan.
/// </summary>
public static class PackageDiff
{
    /// <summary>Compares <paramref name="old"/> with <paramref name="new"/>.</summary>
    /// <exception cref="ArgumentException">A scan has no inventory (it did not come from <see cref="Scanner"/>).</exception>
    public static ScanResult Compare(ScanResult old, ScanResult @new) => Compare(old, @new, []);

    /// <summary>
    /// Compares <paramref name="old"/> with <paramref name="new"/>, where <paramref name="earlier"/> are
    /// inventories of releases before <paramref name="old"/>: a kind of file any of them shipped is not new.
    /// </summary>
    /// <exception cref="ArgumentException">A scan has no inventory (it did not come from <see cref="Scanner"/>).</exception>
    public static ScanResult Compare(ScanResult old, ScanResult @new, IReadOnlyList<ArtifactInventory> earlier)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        ArgumentNullException.ThrowIfNull(earlier);
        var oldInventory = old.Inventory ?? throw new ArgumentException("The old scan has no inventory.", nameof(old));
        var newInventory = @new.Inventory ?? throw new ArgumentException("The new scan has no inventory.", nameof(@new));
        var changes = Changes(oldInventory, newInventory, earlier) with
        {
            InstallScripts = InstallScriptChanges.Between(oldInventory, newInventory, old.InstallHooks, @new.InstallHooks),
        };
        var findings = DiffFindings.For(old, @new, changes, earlier.Count);
        return new ScanResult(@new.Target, Scanner.Order(findings))
        {
            Incomplete = old.Incomplete || @new.Incomplete,
            Inventory = newInventory,
            Comparison = new DiffComparison(old.Target, changes),
        };
    }

    /// <summary>The facts: what was added, removed and changed.</summary>
    public static DiffChanges Changes(ArtifactInventory old, ArtifactInventory @new) => Changes(old, @new, []);

    /// <summary>
    /// The facts, with kinds of file known from <paramref name="earlier"/> releases as well as the old one.
    /// Inventories alone tell npm scripts apart; install-time files (NuGet hooks and build files, setup.py,
    /// .pth files, the files npm scripts run) need the scans' install hooks, which <see cref="Compare(ScanResult, ScanResult, IReadOnlyList{ArtifactInventory})"/> adds.
    /// </summary>
    public static DiffChanges Changes(ArtifactInventory old, ArtifactInventory @new, IReadOnlyList<ArtifactInventory> earlier)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var added = new List<EntryChange>();
        var changed = new List<EntryChange>();
        var unchanged = 0;
        foreach (var entry in @new.Entries)
        {
            var before = old.Find(entry.Path);
            if (before is null)
                added.Add(new EntryChange(entry.Path, entry.Kind, null, entry.Size));
            else if (before.Sha256 is null || before.Sha256 != entry.Sha256)
                changed.Add(new EntryChange(entry.Path, entry.Kind, before.Size, entry.Size));
            else
                unchanged++;
        }
        var removed = old.Entries.Where(e => @new.Find(e.Path) is null)
            .Select(e => new EntryChange(e.Path, e.Kind, e.Size, null)).ToList();

        return new DiffChanges
        {
            Size = new SizeChange(old.UnpackedSize, @new.UnpackedSize),
            Added = added,
            Removed = removed,
            Changed = changed,
            Unchanged = unchanged,
            NewKinds = NewKinds([old, .. earlier], @new),
            InstallScripts = InstallScriptChanges.Between(old, @new, [], []),
            Dependencies = DependencyChanges(old.Package, @new.Package),
            Endpoints = NewEndpoints(old, @new),
            DangerousApis = NewApis(old, @new),
            Obfuscation = Jumps(old, @new),
        };
    }

    private static List<KindChange> NewKinds(IEnumerable<ArtifactInventory> previous, ArtifactInventory @new)
    {
        var before = previous.SelectMany(p => p.Entries).Select(e => e.Kind).ToHashSet();
        return [.. @new.Entries
            .Where(e => e.Kind != FileKind.Text && !before.Contains(e.Kind))
            .GroupBy(e => e.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindChange(g.Key, [.. g.Select(e => e.Path)], g.Sum(e => e.Size)))];
    }

    private static List<DependencyChange> DependencyChanges(PackageMetadata old, PackageMetadata @new)
    {
        var names = old.Dependencies.Keys.Union(@new.Dependencies.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. names
            .Select(n => new DependencyChange(n, old.Dependencies.GetValueOrDefault(n), @new.Dependencies.GetValueOrDefault(n)))
            .Where(d => d.OldRange != d.NewRange)];
    }

    private static List<EndpointChange> NewEndpoints(ArtifactInventory old, ArtifactInventory @new)
    {
        var known = old.Entries.Where(e => e.Script is not null).SelectMany(e => e.Script!.Endpoints.Keys).ToHashSet(StringComparer.Ordinal);
        var found = new SortedDictionary<string, (string Url, List<string> Paths)>(StringComparer.Ordinal);
        foreach (var entry in @new.Entries.Where(e => e.Script is not null))
        {
            foreach (var (host, url) in entry.Script!.Endpoints)
            {
                if (known.Contains(host))
                    continue;
                if (!found.TryGetValue(host, out var seen))
                    found[host] = seen = (url, []);
                seen.Paths.Add(entry.Path);
            }
        }
        return [.. found.Select(f => new EndpointChange(f.Key, f.Value.Url, f.Value.Paths))];
    }

    private static List<ApiChange> NewApis(ArtifactInventory old, ArtifactInventory @new)
    {
        var changes = new List<ApiChange>();
        foreach (var entry in @new.Entries.Where(e => e.Script is { DangerousApis.Count: > 0 }))
        {
            var before = old.Find(entry.Path);
            if (before is not null && before.Sha256 == entry.Sha256 && entry.Sha256 is not null)
                continue;
            var tokens = ScriptMeter.ApiNames
                .Where(t => entry.Script!.DangerousApis.ContainsKey(t) && !(before?.Script?.DangerousApis.ContainsKey(t) ?? false))
                .ToList();
            if (tokens.Count > 0)
                changes.Add(new ApiChange(entry.Path, tokens, before is null));
        }
        return changes;
    }

    /// <summary>An entropy rise of this many bits per byte is a jump: base64 appended to readable JS adds about one.</summary>
    internal const double EntropyJump = 0.5;

    /// <summary>A rise of the minified share by this much (to at least <see cref="MinifiedFloor"/>) is a jump.</summary>
    internal const double MinifiedJump = 0.3;

    internal const double MinifiedFloor = 0.5;

    /// <summary>Files smaller than this are too short for their entropy to mean much.</summary>
    internal const long MinimumScriptSize = 1_000;

    private static List<ObfuscationChange> Jumps(ArtifactInventory old, ArtifactInventory @new)
    {
        var jumps = new List<ObfuscationChange>();
        foreach (var entry in @new.Entries)
        {
            if (entry.Script is not { } after || entry.Size < MinimumScriptSize
                || old.Find(entry.Path) is not { Script: { } before } previous || previous.Sha256 == entry.Sha256)
                continue;
            var change = new ObfuscationChange(entry.Path, entry.EntryPoint, before.Entropy, after.Entropy, before.MinifiedShare, after.MinifiedShare);
            if (IsEntropyJump(change) || IsMinifiedJump(change))
                jumps.Add(change);
        }
        return jumps;
    }

    internal static bool IsEntropyJump(ObfuscationChange change) => change.NewEntropy - change.OldEntropy >= EntropyJump;

    internal static bool IsMinifiedJump(ObfuscationChange change) =>
        change.NewMinifiedShare - change.OldMinifiedShare >= MinifiedJump && change.NewMinifiedShare >= MinifiedFloor;
}
