using System.Globalization;
using System.Text.Json;
using PackGuard.Artifacts.Metadata;
using PackGuard.Sources.Npm;
using PackGuard.Sources.NuGet;

namespace PackGuard.Gate;

/// <summary>Which registry a history comes from: it decides how versions order and what the signals are called.</summary>
public enum ReleaseRegistry
{
    /// <summary>npm: semver; publisher, maintainers and provenance from the packument.</summary>
    Npm,

    /// <summary>NuGet: NuGet versions; signer, owners and author signature from each package's signature.</summary>
    NuGet,
}

/// <summary>One published version as its registry describes it.</summary>
/// <param name="Version">The version.</param>
/// <param name="Publisher">Who published it: npm's <c>_npmUser.name</c>; for NuGet the author-signing certificate's subject.</param>
/// <param name="Maintainers">npm's <c>maintainers</c>; for NuGet the owners the repository signature records. Sorted.</param>
/// <param name="Attested">npm: <c>dist.attestations</c> is present (provenance); NuGet: the package is author-signed.</param>
/// <param name="Published">When it was published (npm <c>time[version]</c>, NuGet registration <c>published</c>).</param>
public sealed record Release(string Version, string? Publisher, IReadOnlyList<string> Maintainers, bool Attested, DateTimeOffset? Published)
{
    /// <summary>False for a NuGet version its owners unlisted; a gate does not compare with those.</summary>
    public bool Listed { get; init; } = true;
}

/// <summary>
/// The releases of a package: who published each, its maintainers, provenance and publish time,
/// read from an npm packument (<see cref="Parse"/>) or assembled from a NuGet feed's registration
/// and the packages' signatures. <see cref="Previous"/> picks the releases a gate compares a
/// version with.
/// </summary>
public sealed class ReleaseHistory
{
    private readonly Dictionary<string, Release> _releases;

    /// <summary>Creates a history from releases.</summary>
    public ReleaseHistory(string name, IEnumerable<Release> releases, ReleaseRegistry registry = ReleaseRegistry.Npm)
    {
        Name = name;
        Registry = registry;
        _releases = new Dictionary<string, Release>(StringComparer.OrdinalIgnoreCase);
        foreach (var release in releases)
            _releases[release.Version] = release;
    }

    /// <summary>The package name.</summary>
    public string Name { get; }

    /// <summary>The registry the releases come from.</summary>
    public ReleaseRegistry Registry { get; }

    /// <summary>Every release.</summary>
    public IReadOnlyCollection<Release> Releases => _releases.Values;

    /// <summary>The release <paramref name="version"/>, or <see langword="null"/>.</summary>
    public Release? Find(string version) => _releases.GetValueOrDefault(version);

    /// <summary>
    /// Up to <paramref name="count"/> releases below <paramref name="version"/> by the registry's version
    /// order, highest first. Prereleases count only when <paramref name="version"/> is itself a
    /// prerelease; unlisted releases never do.
    /// </summary>
    public IReadOnlyList<Release> Previous(string version, int count)
    {
        if (!TryKey(version, out var target))
            return [];
        return [.. _releases.Values
            .Select(r => (Release: r, Ok: TryKey(r.Version, out var key), Key: key))
            .Where(r => r.Ok && r.Release.Listed && r.Key.CompareTo(target) < 0 && (target.IsPrerelease || !r.Key.IsPrerelease))
            .OrderByDescending(r => r.Key)
            .Take(Math.Max(0, count))
            .Select(r => r.Release)];
    }

    private bool TryKey(string version, out VersionKey key)
    {
        key = default;
        if (Registry == ReleaseRegistry.NuGet)
        {
            if (!NuGetVersion.TryParse(version, out var nuget))
                return false;
            key = new VersionKey(null, nuget);
            return true;
        }
        if (!SemVersion.TryParse(version, out var semver))
            return false;
        key = new VersionKey(semver, null);
        return true;
    }

    /// <summary>A version in its registry's order; a history holds one kind only.</summary>
    private readonly record struct VersionKey(SemVersion? SemVer, NuGetVersion? NuGet) : IComparable<VersionKey>
    {
        public bool IsPrerelease => SemVer?.IsPrerelease ?? NuGet!.IsPrerelease;

        public int CompareTo(VersionKey other) => SemVer is not null ? SemVer.CompareTo(other.SemVer) : NuGet!.CompareTo(other.NuGet);
    }

    /// <summary>
    /// This NuGet history with what each scanned package's signature says: the author signer as
    /// publisher, the owners the repository recorded as maintainers, author-signed as attested.
    /// Releases not scanned keep what the feed said.
    /// </summary>
    public ReleaseHistory WithSignatures(IEnumerable<PackageMetadata> packages)
    {
        var signed = new Dictionary<string, Release>(_releases, StringComparer.OrdinalIgnoreCase);
        foreach (var package in packages)
        {
            if (package.Version is not { } version || !string.Equals(package.Name, Name, StringComparison.OrdinalIgnoreCase))
                continue;
            var key = NuGetVersion.TryParse(version, out var parsed) ? parsed.Normalized : version;
            var release = signed.GetValueOrDefault(key) ?? new Release(key, null, [], false, null);
            var signature = package.Signature;
            signed[key] = release with
            {
                Publisher = signature?.Author?.Identity,
                Maintainers = signature?.Owners ?? [],
                Attested = signature?.Author is not null,
            };
        }
        return new ReleaseHistory(Name, signed.Values, Registry);
    }

    /// <summary>Reads the full (not abbreviated) packument; fields of unexpected shape are skipped.</summary>
    /// <exception cref="JsonException">The document is not JSON or not an object.</exception>
    public static ReleaseHistory Parse(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new JsonException("the packument is not an object");
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (root.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.Object)
        {
            foreach (var t in time.EnumerateObject())
            {
                if (t.Value.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(t.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    times[t.Name] = at;
            }
        }
        var releases = new List<Release>();
        if (root.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Object)
        {
            foreach (var v in versions.EnumerateObject())
            {
                if (v.Value.ValueKind != JsonValueKind.Object)
                    continue;
                var manifest = v.Value;
                var publisher = manifest.TryGetProperty("_npmUser", out var user) ? PersonName(user) : null;
                var maintainers = manifest.TryGetProperty("maintainers", out var m) && m.ValueKind == JsonValueKind.Array
                    ? m.EnumerateArray().Select(PersonName).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
                    : [];
                var attested = manifest.TryGetProperty("dist", out var dist) && dist.ValueKind == JsonValueKind.Object
                    && dist.TryGetProperty("attestations", out var a) && a.ValueKind == JsonValueKind.Object;
                releases.Add(new Release(v.Name, publisher, maintainers, attested, times.TryGetValue(v.Name, out var at) ? at : null));
            }
        }
        return new ReleaseHistory(name, releases);
    }

    private static string? PersonName(JsonElement person) => person.ValueKind switch
    {
        JsonValueKind.Object when person.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
        // The old "Name <email>" string form.
        JsonValueKind.String => person.GetString()!.Split('<')[0].Trim() is { Length: > 0 } s ? s : null,
        _ => null,
    };
}
