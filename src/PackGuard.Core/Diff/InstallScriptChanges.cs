using PackGuard.Artifacts.Inventory;
using PackGuard.Inspectors.Install;
using PackGuard.Inspectors.Install.Behaviour;

namespace PackGuard.Diff;

/// <summary>
/// The install-time code two versions differ in, by the rules the <c>install/*</c> scan uses
/// (<see cref="InstallHooks"/>): npm lifecycle scripts by command (with the node-gyp rebuild a
/// binding.gyp implies), the files of the package an unchanged npm script runs by content, and
/// NuGet, Python install-time files (PowerShell hooks, build files that run commands or tasks,
/// setup.py, executing .pth files) by content.
/// </summary>
internal static class InstallScriptChanges
{
    public static List<InstallScriptChange> Between(ArtifactInventory old, ArtifactInventory @new, IReadOnlyList<InstallHook> oldHooks, IReadOnlyList<InstallHook> newHooks)
    {
        var changes = new List<InstallScriptChange>();
        var before = InstallHooks.NpmScripts(old.Package, HasBindingGyp(old)).ToDictionary(s => s.Name, s => s.Command, StringComparer.Ordinal);
        var after = InstallHooks.NpmScripts(@new.Package, HasBindingGyp(@new)).ToDictionary(s => s.Name, s => s.Command, StringComparer.Ordinal);
        foreach (var name in InstallHooks.NpmLifecycle)
        {
            var oldCommand = before.GetValueOrDefault(name);
            var newCommand = after.GetValueOrDefault(name);
            var hook = newHooks.FirstOrDefault(h => h.Kind == InstallHookKind.NpmScript && h.Name == name);
            if (oldCommand != newCommand)
            {
                changes.Add(new InstallScriptChange(name, oldCommand, newCommand)
                {
                    Fetches = newCommand is not null && (CommandFetches(newCommand) || hook?.Behaviours.Count > 0),
                    Behaviours = Names(hook),
                });
            }
            else if (hook is not null)
                changes.AddRange(RunFileChanges(old, @new, hook));
        }
        changes.AddRange(FileHookChanges(old, @new, oldHooks, newHooks));
        return changes;
    }

    /// <summary>Whether a command line itself reaches the network: a downloader, a URL, or inline code with a network call.</summary>
    public static bool CommandFetches(string command) =>
        command.Contains("://", StringComparison.Ordinal)
        || ScriptScanner.Analyze(command, Dialect.Shell).Facts.HasFlag(ScriptFacts.Network)
        || NpmCommand.Parse(command).Inline.Any(i => ScriptScanner.Analyze(i.Code, i.Dialect, ScanMode.Inline).Facts.HasFlag(ScriptFacts.Network));

    /// <summary>Files an unchanged npm script runs whose content is new or changed: the script now does something else.</summary>
    private static IEnumerable<InstallScriptChange> RunFileChanges(ArtifactInventory old, ArtifactInventory @new, InstallHook hook)
    {
        foreach (var file in hook.Files)
        {
            if (Entry(@new, file) is not { } entry)
                continue;
            var previous = old.Find(entry.Path);
            if (previous is not null && previous.Sha256 == entry.Sha256 && entry.Sha256 is not null)
                continue;
            var behaviours = hook.Behaviours.Where(b => b.Path == file).ToList();
            yield return new InstallScriptChange(hook.Name, previous?.Sha256 ?? (previous is null ? null : "?"), entry.Sha256 ?? "?")
            {
                Kind = "npm-script-file",
                Path = entry.Path,
                Fetches = behaviours.Count > 0,
                Behaviours = [.. behaviours.Select(b => b.Hit.Kind.ToName()).Distinct()],
            };
        }
    }

    private static IEnumerable<InstallScriptChange> FileHookChanges(ArtifactInventory old, ArtifactInventory @new, IReadOnlyList<InstallHook> oldHooks, IReadOnlyList<InstallHook> newHooks)
    {
        var previous = oldHooks.Where(h => h.Kind != InstallHookKind.NpmScript)
            .Select(h => (Hook: h, Entry: Entry(old, h.Path))).Where(h => h.Entry is not null)
            .ToDictionary(h => h.Entry!.Path, StringComparer.Ordinal);
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hook in newHooks.Where(h => h.Kind != InstallHookKind.NpmScript))
        {
            if (Entry(@new, hook.Path) is not { } entry)
                continue;
            current.Add(entry.Path);
            var had = previous.TryGetValue(entry.Path, out var was);
            if (had && was.Entry!.Sha256 == entry.Sha256 && entry.Sha256 is not null)
                continue;
            yield return new InstallScriptChange(entry.Path, had ? was.Entry!.Sha256 ?? "?" : null, entry.Sha256 ?? "?")
            {
                Kind = hook.Kind.ToName(),
                Path = entry.Path,
                Fetches = hook.Behaviours.Count > 0,
                Behaviours = Names(hook),
            };
        }
        foreach (var (path, (hook, entry)) in previous.Where(p => !current.Contains(p.Key)))
            yield return new InstallScriptChange(path, entry!.Sha256 ?? "?", null) { Kind = hook.Kind.ToName(), Path = path };
    }

    private static List<string> Names(InstallHook? hook) =>
        hook is null ? [] : [.. hook.Behaviours.Select(b => b.Hit.Kind.ToName()).Distinct()];

    private static InventoryEntry? Entry(ArtifactInventory inventory, string artifactPath) =>
        inventory.Entries.FirstOrDefault(e => e.ArtifactPath == artifactPath);

    private static bool HasBindingGyp(ArtifactInventory inventory)
    {
        var root = inventory.Package.ManifestPath is { } path ? path[..(path.LastIndexOf('/') + 1)] : "";
        return inventory.Entries.Any(e => e.ArtifactPath == root + "binding.gyp");
    }
}
