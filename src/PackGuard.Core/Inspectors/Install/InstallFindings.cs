using System.Globalization;
using System.Text.Json.Nodes;
using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;
using PackGuard.Inspectors.Install.Behaviour;

namespace PackGuard.Inspectors.Install;

/// <summary>
/// Words the install findings: one per hook that says it exists and what its code can do, and one
/// per behaviour and file with the first place it occurs (line and excerpt) and which hooks run it.
/// </summary>
internal sealed class InstallFindings(IFindingSink sink, PackageMetadata package)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void Report(IReadOnlyList<InstallHook> hooks)
    {
        foreach (var hook in hooks)
            sink.Report(Presence(hook));
        var byFile = hooks
            .SelectMany(h => h.Behaviours.Select(b => (Hook: h, Behaviour: b)))
            .GroupBy(x => (x.Behaviour.Hit.Kind, x.Behaviour.Path));
        foreach (var group in byFile.OrderBy(g => g.Key.Path, StringComparer.Ordinal).ThenBy(g => g.Key.Kind))
            sink.Report(Behaviour(group.Key.Kind, group.Key.Path, [.. group]));
    }

    private Finding Presence(InstallHook hook)
    {
        var rule = InstallRules.For(hook.Kind);
        var does = hook.Facts.Describe();
        var files = hook.Files.Where(f => f != hook.Path).ToList();
        string message;
        switch (hook.Kind)
        {
            case InstallHookKind.NpmScript when hook.Summary is not null:
                message = $"npm runs `{InstallHooks.ImpliedGypCommand}` on install: the package has a binding.gyp at its root and no install script of its own, so every install compiles native code with the installing user's rights.";
                break;
            case InstallHookKind.NpmScript:
                message = $"npm runs the {hook.Name} script `{Excerpt.Line(hook.Command ?? "", 160)}` on every machine that installs the package"
                    + (files.Count > 0 ? $"; it runs {List(files)}" : "")
                    + (does.Length > 0 ? $", code that {does}." : ".");
                break;
            case InstallHookKind.SetupPy:
                message = $"pip runs {hook.Path} to build and install this source distribution whenever no wheel fits" + (does.Length > 0 ? $"; it {does}." : ".");
                break;
            case InstallHookKind.PthFile:
                message = $"{hook.Path} is installed into site-packages, where site.py executes its import lines at every Python start, for every program: `{Excerpt.Line(hook.Summary ?? "", 140)}`.";
                break;
            case InstallHookKind.MsBuild:
                message = $"{hook.Path} is imported into every project that references the package and runs on each build: {hook.Summary}.";
                break;
            default:
                var when = hook.Path.EndsWith("init.ps1", StringComparison.OrdinalIgnoreCase)
                    ? "every time a solution using the package is opened" : "when the package is added to or removed from a packages.config project";
                message = $"Visual Studio runs {hook.Path} {when}" + (does.Length > 0 ? $"; it {does}." : ".");
                break;
        }
        var properties = new JsonObject
        {
            ["hook"] = hook.Kind.ToName(),
            ["name"] = hook.Name,
            ["command"] = hook.Command,
            ["implied"] = hook.Kind == InstallHookKind.NpmScript ? hook.Summary is not null : null,
            ["files"] = new JsonArray([.. hook.Files.Take(20).Select(f => (JsonNode)f)]),
            ["facts"] = new JsonArray([.. hook.Facts.Names().Select(f => (JsonNode)f)]),
            ["behaviours"] = hook.Behaviours.Count,
        };
        return new Finding(rule, InstallRules.All.First(r => r.Id == rule).DefaultSeverity, InstallRules.Title(rule), message,
            new FindingLocation(hook.Path, hook.Line), Fingerprint.Compute(rule, hook.Path, hook.Name), properties)
        {
            Fix = InstallRules.Fix(rule),
        };
    }

    private Finding Behaviour(BehaviourKind kind, string path, List<(InstallHook Hook, HookBehaviour Behaviour)> found)
    {
        var rule = InstallRules.For(kind);
        var hits = found.Select(f => f.Behaviour.Hit).DistinctBy(h => (h.Line, h.Column)).OrderBy(h => h.Line).ThenBy(h => h.Column).ToList();
        var first = hits[0];
        var hooks = found.Select(f => f.Hook).Distinct().ToList();
        var where = first.Line > 0 ? $" (line {first.Line.ToString(Invariant)})" : "";
        var more = hits.Count > 1 ? $", and {hits.Count - 1} more place{(hits.Count > 2 ? "s" : "")} in the file" : "";
        var runner = Runner(hooks, path);
        var message = $"{path}{runner} {kind.Describe()}: `{first.Excerpt}`{where}{more}.";
        var properties = new JsonObject
        {
            ["behaviour"] = kind.ToName(),
            ["excerpt"] = first.Excerpt,
            ["matched"] = first.Matched,
            ["occurrences"] = hits.Count,
            ["hooks"] = new JsonArray([.. hooks.Select(h => (JsonNode)h.Name)]),
            ["ecosystem"] = package.Ecosystem,
        };
        return new Finding(rule, Severity.High, InstallRules.Title(rule), message,
            new FindingLocation(path, first.Line > 0 ? first.Line : null, first.Column > 0 ? first.Column : null),
            Fingerprint.Compute(rule, path), properties)
        {
            Fix = InstallRules.Fix(rule),
        };
    }

    /// <summary>", which the postinstall script runs (`node x.js`)," for a file an npm script reaches; nothing for the hook's own file.</summary>
    private static string Runner(List<InstallHook> hooks, string path)
    {
        var npm = hooks.Where(h => h.Kind == InstallHookKind.NpmScript).ToList();
        if (npm.Count == 0)
            return "";
        var names = string.Join(" and ", npm.Select(h => h.Name).Distinct());
        if (npm.Any(h => h.Path == path))
            return $" ({names} script)";
        return $", which the {names} script runs (`{Excerpt.Line(npm[0].Command ?? "", 80)}`),";
    }

    private static string List(List<string> files) =>
        string.Join(", ", files.Take(3)) + (files.Count > 3 ? $" and {files.Count - 3} more files" : "");
}
