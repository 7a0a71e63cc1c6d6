namespace PackGuard.Findings;

/// <summary>
/// Where a finding was observed. <see cref="Path"/> is the entry path inside the artifact, with
/// <c>!</c> separating nested archives (<c>package.tgz!package/lib/x.jar!META-INF/MANIFEST.MF</c>).
/// <see cref="OriginalPath"/> is set when the text came out of a source map.
/// </summary>
public sealed record FindingLocation(string Path, int? Line = null, int? Column = null, string? OriginalPath = null);
