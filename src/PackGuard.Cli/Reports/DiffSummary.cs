using System.Globalization;
using PackGuard.Artifacts.Inventory;
using PackGuard.Diff;
using PackGuard.Findings;
using PackGuard.Scanning;

namespace PackGuard.Cli.Reports;

/// <summary>
/// The lines a diff's text report opens with: what was compared, then the changes a release manager
/// reads first (install scripts, new kinds of file, size, dependencies, code), each on one line.
/// </summary>
internal static class DiffSummary
{
    private const int Listed = 3;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>acme 1.0.0 → 1.0.1 (npm) · licence: MIT</c> and the sizes.</summary>
    public static IEnumerable<string> Header(TargetInfo old, TargetInfo @new, DiffChanges changes)
    {
        var name = @new.Name ?? old.Name;
        var versions = $"{old.Version ?? "?"} → {@new.Version ?? "?"}";
        var identity = name is null ? versions : $"{name} {versions}";
        if (@new.Ecosystem is { } ecosystem)
            identity += $" ({ecosystem})";
        var licence = old.License == @new.License ? @new.License ?? "none declared" : $"{old.License ?? "none"} → {@new.License ?? "none"}";
        yield return $"{identity} · licence: {licence}";
        var ratio = changes.Size.Ratio is { } r ? $" ({r.ToString("0.00", Invariant)}×)" : "";
        yield return $"unpacked {ByteSize.Format(changes.Size.Old)} → {ByteSize.Format(changes.Size.New)}{ratio} · files: "
            + $"{changes.Added.Count.ToString("N0", Invariant)} added, {changes.Removed.Count.ToString("N0", Invariant)} removed, "
            + $"{changes.Changed.Count.ToString("N0", Invariant)} changed, {changes.Unchanged.ToString("N0", Invariant)} unchanged";
    }

    /// <summary>The changes, most important first; empty when nothing but file contents changed.</summary>
    public static IEnumerable<string> Changes(DiffChanges changes)
    {
        foreach (var script in changes.InstallScripts)
        {
            if (script.Path is { } path)
            {
                var runBy = script.Kind == "npm-script-file" ? $"run by {script.Name}" : script.Kind;
                yield return $"install-time file {script.Change}: {path} ({runBy})";
                continue;
            }
            yield return script.Change switch
            {
                "added" => $"install script added: {script.Name}: {script.New}",
                "removed" => $"install script removed: {script.Name} (was: {script.Old})",
                _ => $"install script changed: {script.Name}: {script.Old} → {script.New}",
            };
        }
        foreach (var kind in changes.NewKinds)
            yield return $"new kind of file: {kind.Kind.Describe()}: {List(kind.Paths)} ({ByteSize.Format(kind.Bytes)})";
        var largest = changes.Added.OrderByDescending(a => a.NewSize).Take(Listed).Select(a => $"{a.Path} ({ByteSize.Format(a.NewSize ?? 0)})").ToList();
        if (largest.Count > 0)
            yield return $"largest added files: {string.Join(", ", largest)}";
        var added = changes.Dependencies.Where(d => d.Change == "added").Select(d => $"{d.Name} {d.NewRange}".TrimEnd()).ToList();
        var removed = changes.Dependencies.Where(d => d.Change == "removed").Select(d => d.Name).ToList();
        var changed = changes.Dependencies.Where(d => d.Change == "changed").Select(d => $"{d.Name} {d.OldRange} → {d.NewRange}").ToList();
        if (added.Count + removed.Count + changed.Count > 0)
            yield return $"dependencies: {Count(added.Count, "added")}{(added.Count > 0 ? $" ({List(added)})" : "")}, "
                + $"{Count(removed.Count, "removed")}{(removed.Count > 0 ? $" ({List(removed)})" : "")}, "
                + $"{Count(changed.Count, "with a new range")}{(changed.Count > 0 ? $" ({List(changed)})" : "")}";
        if (changes.Endpoints.Count > 0)
            yield return $"hosts new in code: {List(changes.Endpoints.Select(e => e.Host).ToList())}";
        foreach (var api in changes.DangerousApis.Where(a => !a.AddedFile).Take(Listed))
            yield return $"new in {api.Path}: {string.Join(", ", api.Tokens)}";
        foreach (var jump in changes.Obfuscation.Take(Listed))
            yield return $"{jump.Path}: entropy {jump.OldEntropy.ToString("0.00", Invariant)} → {jump.NewEntropy.ToString("0.00", Invariant)} bits/byte, "
                + $"minified {jump.OldMinifiedShare.ToString("0%", Invariant)} → {jump.NewMinifiedShare.ToString("0%", Invariant)}";
    }

    private static string Count(int count, string what) => $"{count.ToString("N0", Invariant)} {what}";

    private static string List(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(Listed)) + (items.Count > Listed ? $" and {(items.Count - Listed).ToString("N0", Invariant)} more" : "");
}
