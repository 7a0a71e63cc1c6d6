using PackGuard.Sources.Http;

namespace PackGuard.Sources.NuGet;

/// <summary>
/// Resolves <c>nuget:</c> targets against the enabled sources in configuration order: the
/// first source that has the requested version (or, with no version, the package at all)
/// supplies it. Only a definite "not here" (404, no such file) moves on to the next source; an
/// unreachable or refusing source stops resolution, because quietly falling through to the next
/// feed is how dependency confusion happens.
/// </summary>
/// <remarks>
/// Integrity: the flat container publishes no hash. A SHA-512 from the feed's registration
/// (<c>packageHash</c>) or a folder's <c>.nupkg.sha512</c> is verified when present; otherwise
/// <see cref="ResolvedTarget.VerifiedIntegrity"/> stays <see langword="null"/> and the download
/// is only as trustworthy as the TLS connection to the feed.
/// </remarks>
internal sealed class NuGetResolver(RegistryHttp http, NuGetConfig config, CachedDownloader downloader)
{
    private const int VersionsToSuggest = 5;

    public async Task<ResolvedTarget> ResolveAsync(TargetSpec spec, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        NuGetVersion? wanted = null;
        if (spec.Version is not null && !NuGetVersion.TryParse(spec.Version, out wanted))
            throw new TargetUnavailableException($"'{spec.Version}' is not a valid NuGet version.");

        var sources = spec.RegistryOverride is { } url ? [Override(url)] : config.Sources.Where(s => s.Enabled).ToArray();
        var tried = new List<string>();
        var skipped = new List<string>();
        var withoutVersion = new List<(NuGetPackageSource Source, IReadOnlyList<NuGetVersion> Versions)>();

        foreach (var source in sources)
        {
            if (source.Kind == NuGetSourceKind.V2)
            {
                skipped.Add(source.ToString());
                continue;
            }
            var feed = Feed(source);
            tried.Add(source.ToString());

            var versions = await feed.GetVersionsAsync(spec.Name, ct).ConfigureAwait(false);
            if (versions is null || versions.Count == 0)
                continue;
            var version = wanted is null ? Latest(versions) : versions.FirstOrDefault(v => v.Equals(wanted));
            if (version is null)
            {
                withoutVersion.Add((source, versions));
                continue;
            }

            var label = $"nuget:{spec.Name}@{version.Normalized}";
            var file = await feed.FetchAsync(spec.Name, version, label, progress, ct).ConfigureAwait(false);
            return new ResolvedTarget(spec, file.Path, IsDirectory: false)
            {
                Ecosystem = "nuget",
                Registry = source.Url ?? new Uri(source.Location),
                ResolvedVersion = version.Normalized,
                VerifiedIntegrity = file.VerifiedIntegrity,
            };
        }

        throw NotFound(spec, wanted, tried, skipped, withoutVersion);
    }

    /// <summary>The highest stable version; the highest prerelease only when there is no stable one.</summary>
    /// <summary>
    /// The versions of <paramref name="spec"/>'s package in the first source that has it (the one
    /// <see cref="ResolveAsync"/> would download from), with what that source says of each: listed,
    /// published. Signer and owners come from the packages themselves, so they are left empty here.
    /// </summary>
    public async Task<Gate.ReleaseHistory> FetchHistoryAsync(TargetSpec spec, CancellationToken ct)
    {
        var sources = spec.RegistryOverride is { } url ? [Override(url)] : config.Sources.Where(s => s.Enabled && s.Kind != NuGetSourceKind.V2).ToArray();
        foreach (var source in sources)
        {
            var feed = Feed(source);
            var versions = await feed.GetVersionsAsync(spec.Name, ct).ConfigureAwait(false);
            if (versions is null || versions.Count == 0)
                continue;
            var leaves = await feed.DescribeAsync(spec.Name, versions, ct).ConfigureAwait(false);
            return new Gate.ReleaseHistory(spec.Name,
                leaves.Select(l => new Gate.Release(l.Version.Normalized, null, [], false, l.Published) { Listed = l.Listed }),
                Gate.ReleaseRegistry.NuGet);
        }
        throw new TargetUnavailableException($"NuGet package '{spec.Name}' was not found in any configured source.");
    }

    private INuGetFeed Feed(NuGetPackageSource source) => source.Kind == NuGetSourceKind.LocalFolder
        ? new NuGetFolderFeed(source)
        : new NuGetHttpFeed(http, source, downloader);

    internal static NuGetVersion Latest(IEnumerable<NuGetVersion> versions)
    {
        var all = versions.ToArray();
        return all.Where(v => !v.IsPrerelease).Max() ?? all.Max()!;
    }

    private NuGetPackageSource Override(Uri url)
    {
        // purl's default repository_url for NuGet is the website; the packages live behind the v3 API.
        var location = url.Host is "www.nuget.org" or "nuget.org" ? NuGetPackageSource.NuGetOrgUrl : url.AbsoluteUri;
        var credential = config.Sources.FirstOrDefault(s => string.Equals(s.Location, location, StringComparison.OrdinalIgnoreCase))?.Credential;
        return NuGetPackageSource.Create("repository_url", location, null, "/", enabled: true, credential);
    }

    private TargetUnavailableException NotFound(
        TargetSpec spec,
        NuGetVersion? wanted,
        List<string> tried,
        List<string> skipped,
        List<(NuGetPackageSource Source, IReadOnlyList<NuGetVersion> Versions)> withoutVersion)
    {
        var skippedNote = skipped.Count == 0 ? ""
            : $" Skipped v2 feed(s) PackGuard cannot read: {string.Join(", ", skipped)}.";
        if (withoutVersion.Count > 0)
        {
            var where = string.Join("; ", withoutVersion.Select(w =>
                $"{w.Source}: latest {string.Join(", ", w.Versions.OrderDescending().Take(VersionsToSuggest).Select(v => v.Normalized))}"));
            return new TargetUnavailableException($"NuGet package '{spec.Name}' has no version {wanted?.Normalized} ({where}).{skippedNote}");
        }
        if (tried.Count == 0 && skipped.Count == 0)
        {
            return new TargetUnavailableException(
                $"No NuGet package sources are enabled (configuration read: {string.Join(", ", config.Files)}).");
        }
        var triedText = tried.Count == 0 ? "none readable" : string.Join(", ", tried);
        return new TargetUnavailableException($"NuGet package '{spec.Name}' was not found in any configured source (tried: {triedText}).{skippedNote}");
    }
}
