using System.Globalization;
using PackGuard.Diff;
using PackGuard.Findings;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Policy;
using PackGuard.Scanning;

namespace PackGuard.Gate;

/// <summary>The gate's verdict in one sentence a release manager can act on.</summary>
public static class GateVerdict
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The sentence for <paramref name="report"/> (a diff report with the gate's signals), where
    /// <paramref name="candidate"/> is the new version's own scan and <paramref name="releasesCompared"/>
    /// how many earlier releases the kinds of file were compared with.
    /// </summary>
    public static string Sentence(ScanReport report, ScanResult candidate, int releasesCompared)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(candidate);
        var result = report.Result;
        var label = Label(result.Target);
        var changes = result.Comparison?.Changes;
        var failing = result.Findings.Where(f => report.FailOn.Fails(f.Severity)).ToList();
        var previous = releasesCompared == 1 ? "the previous release" : $"the previous {releasesCompared} releases";
        if (report.Verdict == Verdict.Pass || failing.Count == 0)
        {
            var facts = changes is null ? "" :
                $": {changes.Added.Count} files added, {changes.Removed.Count} removed, {changes.Changed.Count} changed, unpacked size {ByteSize.Format(changes.Size.Old)} → {ByteSize.Format(changes.Size.New)}";
            var lower = result.Findings.Count == 0 ? "" : $"; {result.Findings.Count} lower-severity finding{(result.Findings.Count == 1 ? "" : "s")} below --fail-on {report.FailOn.Name} listed for reference";
            return $"No change a release manager needs to look at in {label} compared with {previous}{facts}{lower}.";
        }

        var kinds = failing.Where(f => f.RuleId == DiffRules.NewFileKind).ToList();
        var size = result.Findings.FirstOrDefault(f => f.RuleId == DiffRules.SizeJump);
        var grew = size is null || changes is null ? ""
            : $", and the package grew {changes.Size.Ratio!.Value.ToString("0.0", Invariant)}× ({ByteSize.Format(changes.Size.Old)} → {ByteSize.Format(changes.Size.New)})";
        var others = failing.Count - kinds.Count - failing.Count(f => f.RuleId == DiffRules.NewFinding && IsAbout(f, kinds));
        var more = others > 0 ? $" ({others} other finding{(others == 1 ? "" : "s")} at or above {report.FailOn.Name} below)" : "";
        if (kinds.Count > 0)
        {
            var added = string.Join(", ", kinds.SelectMany(k => k.Properties["paths"]!.AsArray().Select(p => p!.GetValue<string>()).Take(3)).Select(p => Describe(p, result, candidate)));
            var what = string.Join(" or ", kinds.Select(k => Article(k.Properties["kind"]!.GetValue<string>())));
            return $"{label} adds {added}{grew}; none of {previous} shipped {what}{more}.";
        }
        var first = failing[0];
        var rest = failing.Count > 1 ? $" ({failing.Count - 1} more finding{(failing.Count == 2 ? "" : "s")} at or above {report.FailOn.Name} below)" : "";
        return $"{label} fails the gate ({first.RuleId}, {first.Severity.ToName()}): {first.Message.TrimEnd('.')}{rest}.";
    }

    private static bool IsAbout(Finding newFinding, List<Finding> kinds) =>
        kinds.Any(k => k.Properties["paths"]!.AsArray().Any(p => newFinding.Location.Path.EndsWith(p!.GetValue<string>(), StringComparison.Ordinal)));

    private static string Describe(string path, ScanResult result, ScanResult candidate)
    {
        var entry = result.Inventory?.Find(path);
        var parts = new List<string>();
        if (entry is not null)
            parts.Add(ByteSize.Format(entry.Size));
        var map = candidate.Findings.FirstOrDefault(f => f.RuleId == SourceMapRules.EmbeddedSources
            && (entry?.ArtifactPath ?? path) == f.Location.Path);
        if (map?.Properties["firstPartySources"] is { } sources)
            parts.Add($"{long.Parse(sources.ToJsonString(), Invariant).ToString("N0", Invariant)} first-party sources");
        return parts.Count == 0 ? path : $"{path} ({string.Join(", ", parts)})";
    }

    private static string Article(string kind) => kind switch
    {
        "source-map" => "a source map",
        "symbols" => "debug symbols",
        "native-binary" => "a native binary",
        "archive" => "an archive",
        "executable" => "an executable",
        _ => kind,
    };

    private static string Label(TargetInfo target) =>
        target.Name is { } name && target.Version is { } version ? $"{name}@{version}" : target.Spec;
}
