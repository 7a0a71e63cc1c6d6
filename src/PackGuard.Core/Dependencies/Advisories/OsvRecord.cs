namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// What PackGuard keeps of one OSV record: the fields that identify and describe it, and the
/// packages it affects in the ecosystems PackGuard audits. Other ecosystems' packages are counted
/// in <see cref="SkippedAffected"/> and dropped; GIT ranges are dropped (they need a repository).
/// </summary>
/// <param name="Id">The record's id (<c>MAL-2026-2306</c>, <c>GHSA-...</c>).</param>
/// <param name="Aliases">Other ids of the same advisory.</param>
/// <param name="Summary">The one-line summary (the first line of the details when there is none).</param>
/// <param name="Details">The first meaningful line of the details, shortened.</param>
/// <param name="Published">When the record was first published.</param>
/// <param name="Modified">When the record last changed; the newer of two copies of a record wins.</param>
/// <param name="Withdrawn">When the record was withdrawn; a withdrawn record never matches.</param>
/// <param name="Malicious">Whether the record reports a malicious package (not an ordinary vulnerability).</param>
/// <param name="Affected">The affected packages of npm, PyPI and NuGet.</param>
/// <param name="SkippedAffected">How many affected packages of other ecosystems were dropped.</param>
internal sealed record OsvRecord(
    string Id,
    IReadOnlyList<string> Aliases,
    string Summary,
    string Details,
    DateTimeOffset? Published,
    DateTimeOffset? Modified,
    DateTimeOffset? Withdrawn,
    bool Malicious,
    IReadOnlyList<OsvAffected> Affected,
    int SkippedAffected);

/// <summary>One affected package of a record.</summary>
/// <param name="Ecosystem">One of <see cref="Ecosystems"/>.</param>
/// <param name="Name">The package name as the record writes it.</param>
/// <param name="Ranges">The SEMVER and ECOSYSTEM ranges.</param>
/// <param name="Versions">The versions the record lists one by one.</param>
internal sealed record OsvAffected(string Ecosystem, string Name, IReadOnlyList<OsvRange> Ranges, IReadOnlyList<string> Versions)
{
    /// <summary>The name as the ecosystem's registry compares names (<see cref="PackageNames.Key"/>).</summary>
    public string Key => PackageNames.Key(Ecosystem, Name);
}

/// <summary>A range of affected versions: a timeline of events in one version ordering.</summary>
/// <param name="Type"><c>SEMVER</c> or <c>ECOSYSTEM</c>.</param>
/// <param name="Events">The events, in the order the record gives them.</param>
internal sealed record OsvRange(string Type, IReadOnlyList<OsvEvent> Events);

/// <summary>One event of a range.</summary>
internal readonly record struct OsvEvent(OsvEventKind Kind, string Version);

/// <summary>
/// The kinds of range event. The order is the one events of the same version are evaluated in:
/// an <c>introduced</c> before the <c>fixed</c> of the same version, so that the pair is empty.
/// </summary>
internal enum OsvEventKind
{
    /// <summary>The version is affected from here on (<c>"0"</c>: from before the first version).</summary>
    Introduced,

    /// <summary>The last affected version, inclusive.</summary>
    LastAffected,

    /// <summary>The first fixed version, exclusive.</summary>
    Fixed,

    /// <summary>An upper bound on the whole range, exclusive (<c>"*"</c>: none).</summary>
    Limit,
}
