namespace PackGuard.Sources.Npm;

/// <summary>How the user named the version.</summary>
internal enum NpmRequestKind
{
    Version,
    Tag,
    Range,
}

/// <summary>The outcome of picking a version: what was asked and the version found, if any.</summary>
internal sealed record NpmSelection(NpmRequestKind Kind, string Requested, string? Version);

/// <summary>
/// Picks the version npm would install for <c>name@spec</c>: an exact version, a dist-tag, or
/// a range. For a range it prefers the <c>latest</c> tag when that satisfies the range (npm
/// does, so a maintainer can keep a newer major out of <c>*</c>), else the highest match.
/// </summary>
internal static class NpmVersionSelector
{
    public const string LatestTag = "latest";

    public static NpmSelection Select(NpmPackument packument, string? requested)
    {
        var versions = packument.Versions ?? [];
        var tags = packument.DistTags ?? [];
        var spec = string.IsNullOrWhiteSpace(requested) ? LatestTag : requested.Trim();

        if (SemVersion.TryParse(spec, out var exact))
            return new(NpmRequestKind.Version, spec, Find(versions.Keys, exact));

        if (tags.TryGetValue(spec, out var tagged))
            return new(NpmRequestKind.Tag, spec, SemVersion.TryParse(tagged, out var taggedVersion) ? Find(versions.Keys, taggedVersion) : null);

        if (!SemVerRange.TryParse(spec, out var range))
            return new(NpmRequestKind.Tag, spec, null);

        if (tags.TryGetValue(LatestTag, out var latest) && SemVersion.TryParse(latest, out var latestVersion)
            && range.IsSatisfiedBy(latestVersion) && Find(versions.Keys, latestVersion) is { } latestKey)
            return new(NpmRequestKind.Range, spec, latestKey);

        var best = range.MaxSatisfying(Parsed(versions.Keys).Select(p => p.Version));
        return new(NpmRequestKind.Range, spec, best is null ? null : Find(versions.Keys, best));
    }

    /// <summary>The highest few versions, newest first, for "did you mean" messages.</summary>
    /// <summary>
    /// The highest versions, releases first: a busy package publishes hundreds of canaries, and a
    /// list of them does not help someone who mistyped a version.
    /// </summary>
    public static IReadOnlyList<string> Highest(NpmPackument packument, int count) =>
        Parsed(packument.Versions?.Keys ?? Enumerable.Empty<string>())
            .OrderBy(p => p.Version.IsPrerelease)
            .ThenByDescending(p => p.Version)
            .Take(count).Select(p => p.Key).ToArray();

    private static string? Find(IEnumerable<string> keys, SemVersion wanted) =>
        Parsed(keys).Where(p => p.Version.Equals(wanted)).Select(p => p.Key).FirstOrDefault();

    private static IEnumerable<(string Key, SemVersion Version)> Parsed(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (SemVersion.TryParse(key, out var version))
                yield return (key, version);
        }
    }
}
