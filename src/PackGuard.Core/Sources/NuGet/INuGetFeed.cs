namespace PackGuard.Sources.NuGet;

/// <summary>A package file obtained from a feed.</summary>
/// <param name="Path">The <c>.nupkg</c> on disk.</param>
/// <param name="VerifiedIntegrity">The SHA-512 the feed published and the file matched, as SRI; <see langword="null"/> when the feed published none.</param>
internal sealed record NuGetPackageFile(string Path, string? VerifiedIntegrity);

/// <summary>One readable package source: a v3 HTTP feed or a local folder.</summary>
internal interface INuGetFeed
{
    NuGetPackageSource Source { get; }

    /// <summary>The versions the source holds, or <see langword="null"/> when it does not have the package at all.</summary>
    Task<IReadOnlyList<NuGetVersion>?> GetVersionsAsync(string id, CancellationToken ct);

    /// <summary>
    /// What the source says about each of <paramref name="versions"/>: listed or not, and when it was
    /// published. A source that says nothing reports every version listed with no publish time.
    /// </summary>
    Task<IReadOnlyList<NuGetRegistrationLeaf>> DescribeAsync(string id, IReadOnlyList<NuGetVersion> versions, CancellationToken ct);

    /// <summary>Gets the package file for a version that <see cref="GetVersionsAsync"/> listed.</summary>
    Task<NuGetPackageFile> FetchAsync(string id, NuGetVersion version, string label, IProgress<TransferProgress>? progress, CancellationToken ct);
}
