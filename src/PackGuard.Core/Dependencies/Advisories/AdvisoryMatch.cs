namespace PackGuard.Dependencies.Advisories;

/// <summary>An advisory that affects a dependency.</summary>
/// <param name="Id">The advisory's id (<c>MAL-2026-2306</c>).</param>
/// <param name="Summary">Its one-line summary.</param>
/// <param name="Malicious">Whether it reports a malicious package rather than an ordinary vulnerability.</param>
/// <param name="Aliases">Other ids of the same advisory (<c>GHSA-...</c>).</param>
/// <param name="Published">When it was published, when the record says.</param>
/// <param name="AffectedVersions">The affected versions for people: <c>all versions</c>, <c>&gt;=1.0.0 &lt;1.2.3</c>, <c>1.0.1, 1.0.2</c>.</param>
public sealed record AdvisoryMatch(string Id, string Summary, bool Malicious, IReadOnlyList<string> Aliases, DateTimeOffset? Published, string AffectedVersions);
