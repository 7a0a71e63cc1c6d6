using PackGuard.Sources.Http;
using PackGuard.Sources.NuGet;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// NuGet look-ups through a v3 feed: presence from the flat container's version list (404: no
/// such id), publish times from the registration's <c>published</c>. Feeds that publish no times
/// (many mirrors) leave <see cref="RegistryPackage.Published"/> empty, which is not an error;
/// nuget.org's 1900-01-01 time for an unlisted version is no time either.
/// </summary>
internal sealed class NuGetRegistryLookup(INuGetFeed feed)
{
    public string Origin => SafeUri.DisplayLocation(feed.Source.Location);

    public async Task<RegistryPackage> LookupAsync(string id, IReadOnlyCollection<string> versions, CancellationToken ct)
    {
        var available = await feed.GetVersionsAsync(id, ct).ConfigureAwait(false);
        var package = new RegistryPackage(Ecosystems.NuGet, id, Origin, available is null ? RegistryPresence.Missing : RegistryPresence.Exists);
        if (available is null)
            return package;

        // Versions are matched as NuGet compares them (1.0 is 1.0.0) and reported as the caller spelled them.
        var wanted = new List<(string Spelling, NuGetVersion Version)>();
        foreach (var spelling in versions)
        {
            if (NuGetVersion.TryParse(spelling, out var version) && available.Contains(version))
                wanted.Add((spelling, version));
        }
        if (wanted.Count == 0)
            return package;

        // The registration is read best effort: a feed that fails there has simply given no times.
        var leaves = await feed.DescribeAsync(id, [.. wanted.Select(w => w.Version).Distinct()], ct).ConfigureAwait(false);
        var published = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (spelling, version) in wanted)
        {
            if (leaves.FirstOrDefault(l => l.Version.Equals(version))?.Published is { } at)
                published[spelling] = at;
        }
        return package with { Published = published };
    }
}
