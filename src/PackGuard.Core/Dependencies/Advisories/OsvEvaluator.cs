namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// Whether a version of a package is affected, by the OSV specification's evaluation algorithm:
/// a version is affected when it is listed in <c>versions</c> or lies in a range. A range's
/// events are sorted in the ecosystem's ordering and walked as a timeline (<c>introduced</c>
/// opens, <c>fixed</c> closes before its version, <c>last_affected</c> after it), and the range
/// holds only versions below one of its <c>limit</c>s. An event whose version does not parse in
/// the ecosystem's ordering is left out (it cannot be placed on the timeline).
/// </summary>
internal static class OsvEvaluator
{
    private const int DescribedVersions = 10;
    private const int MaxDescription = 300;

    /// <summary>
    /// Whether <paramref name="version"/> of the package is affected. An unknown version (only a
    /// range was declared) is affected only when every version is; a version that does not parse
    /// only when it is listed exactly or every version is.
    /// </summary>
    public static bool Affects(OsvAffected affected, VersionScheme scheme, string? version) =>
        Affects(affected.Ranges, ListedVersions.From(affected.Versions, scheme), scheme, version);

    /// <summary>As <see cref="Affects(OsvAffected, VersionScheme, string)"/>, with the listed versions ready for lookup (as the store keeps them).</summary>
    public static bool Affects(IReadOnlyList<OsvRange> ranges, ListedVersions listed, VersionScheme scheme, string? version)
    {
        if (AffectsEveryVersion(ranges))
            return true;
        if (version is null)
            return false;
        if (listed.Contains(version, scheme))
            return true;
        if (ranges.Count == 0 || scheme.Parse(version.Trim()) is not { } parsed)
            return false;
        foreach (var range in ranges)
        {
            if (InRange(Sorted(range, scheme), scheme, parsed))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether every version is affected: a range that opens at <c>"0"</c> and is never closed or
    /// limited. Malicious-package records are mostly of this kind: the whole package is the attack.
    /// </summary>
    public static bool AffectsEveryVersion(OsvAffected affected) => AffectsEveryVersion(affected.Ranges);

    private static bool AffectsEveryVersion(IReadOnlyList<OsvRange> ranges) =>
        ranges.Any(range =>
            range.Events.Any(e => e.Kind == OsvEventKind.Introduced && IsZero(e.Version))
            && range.Events.All(e => e.Kind == OsvEventKind.Introduced || (e.Kind == OsvEventKind.Limit && IsInfinity(e.Version))));

    /// <summary>The affected versions for people: <c>all versions</c>, <c>&gt;=1.0.0 &lt;1.2.3</c>, <c>1.0.1, 1.0.2</c>.</summary>
    public static string Describe(OsvAffected affected, VersionScheme scheme)
    {
        if (AffectsEveryVersion(affected))
            return "all versions";
        var parts = new List<string>();
        var sortedRanges = affected.Ranges.Select(r => Sorted(r, scheme)).ToList();
        foreach (var events in sortedRanges)
            parts.AddRange(Intervals(events));
        // Records often list every version a range covers; name only those the ranges do not, in version order.
        var extra = affected.Versions
            .Where(v => scheme.Parse(v) is not { } parsed || !sortedRanges.Any(events => InRange(events, scheme, parsed)))
            .Distinct(StringComparer.Ordinal)
            .Select(v => (Text: v, Value: scheme.Parse(v)))
            .OrderBy(v => v.Value is null)
            .ThenBy(v => v.Value, Comparer<IComparable?>.Create(static (a, b) => a is null || b is null ? 0 : a.CompareTo(b)))
            .Select(v => v.Text)
            .ToList();
        if (extra.Count > 0)
        {
            var listed = string.Join(", ", extra.Take(DescribedVersions));
            parts.Add(extra.Count > DescribedVersions ? $"{listed} and {extra.Count - DescribedVersions} more" : listed);
        }
        var text = parts.Count == 0 ? "no version" : string.Join(", ", parts);
        return text.Length <= MaxDescription ? text : text[..MaxDescription] + "...";
    }

    private static IEnumerable<string> Intervals(List<Placed> events)
    {
        string? open = null;
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case OsvEventKind.Introduced:
                    open ??= e.Value is null ? "" : ">=" + e.Text;
                    break;
                case OsvEventKind.Fixed when open is not null:
                    yield return Join(open, "<" + e.Text);
                    open = null;
                    break;
                case OsvEventKind.LastAffected when open is not null:
                    yield return Join(open, "<=" + e.Text);
                    open = null;
                    break;
            }
        }
        if (open is not null)
        {
            var limits = events.Where(e => e.Kind == OsvEventKind.Limit && e.Value is not null).Select(e => "<" + e.Text).ToList();
            yield return limits.Count > 0 ? Join(open, string.Join(" or ", limits)) : open.Length == 0 ? "all versions" : open;
        }
    }

    private static string Join(string lower, string upper) => lower.Length == 0 ? upper : lower + " " + upper;

    private static bool InRange(List<Placed> events, VersionScheme scheme, IComparable version)
    {
        var limited = false;
        var belowALimit = false;
        foreach (var e in events)
        {
            if (e.Kind != OsvEventKind.Limit)
                continue;
            limited = true;
            belowALimit |= e.Value is null || scheme.CompareToBound(version, e.Value) < 0;
        }
        if (limited && !belowALimit)
            return false;

        var affected = false;
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case OsvEventKind.Introduced when e.Value is null || scheme.CompareToBound(version, e.Value) >= 0:
                    affected = true;
                    break;
                case OsvEventKind.Fixed when scheme.CompareToBound(version, e.Value!) >= 0:
                    affected = false;
                    break;
                case OsvEventKind.LastAffected when scheme.CompareToBound(version, e.Value!) > 0:
                    affected = false;
                    break;
            }
        }
        return affected;
    }

    /// <summary>
    /// The range's events placed on the ecosystem's ordering and sorted; <c>introduced: "0"</c> and
    /// <c>limit: "*"</c> have no value (below and above every version). Events that do not parse
    /// are left out.
    /// </summary>
    private static List<Placed> Sorted(OsvRange range, VersionScheme scheme)
    {
        var placed = new List<Placed>(range.Events.Count);
        foreach (var e in range.Events)
        {
            var text = e.Version.Trim();
            if (e.Kind == OsvEventKind.Introduced && IsZero(text))
                placed.Add(new Placed(e.Kind, null, text));
            else if (e.Kind == OsvEventKind.Limit && IsInfinity(text))
                placed.Add(new Placed(e.Kind, null, text));
            else if (scheme.Parse(text) is { } value)
                placed.Add(new Placed(e.Kind, value, text));
        }
        placed.Sort(static (a, b) =>
        {
            // No value sorts first for introduced ("0") and last for a limit ("*").
            var byValue = (a.Value, b.Value) switch
            {
                (null, null) => 0,
                (null, _) => a.Kind == OsvEventKind.Limit ? 1 : -1,
                (_, null) => b.Kind == OsvEventKind.Limit ? -1 : 1,
                _ => a.Value.CompareTo(b.Value),
            };
            return byValue != 0 ? byValue : a.Kind.CompareTo(b.Kind);
        });
        return placed;
    }

    private static bool IsZero(string version) => version.Trim() == "0";

    private static bool IsInfinity(string version) => version.Contains('*', StringComparison.Ordinal);

    private readonly record struct Placed(OsvEventKind Kind, IComparable? Value, string Text);
}
