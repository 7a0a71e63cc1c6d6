using System.Globalization;
using System.Text.Json;
using PackGuard.Sources.Npm;

namespace PackGuard.Gate;

/// <summary>One published version as the npm registry describes it.</summary>
/// <param name="Version">The version.</param>
/// <param name="Publisher">Who published it (<c>_npmUser.name</c>), when the registry says.</param>
/// <param name="Maintainers">The version's <c>maintainers</c> names, sorted.</param>
/// <param name="Attested">Whether <c>dist.attestations</c> is present (provenance).</param>
/// <param name="Published">When it was published (<c>time[version]</c>).</param>
public sealed record Release(string Version, string? Publisher, IReadOnlyList<string> Maintainers, bool Attested, DateTimeOffset? Published);

/// <summary>
/// The releases of an npm package, read from its full packument: who published each, its
/// maintainers, provenance and publish time. <see cref="Previous"/> picks the releases a gate
/// compares a version with.
/// </summary>
public sealed class ReleaseHistory
{
    private readonly Dictionary<string, Release> _releases;

    /// <summary>Creates a history from releases.</summary>
    public ReleaseHistory(string name, IEnumerable<Release> releases)
    {
        Name = name;
        _releases = releases.ToDictionary(r => r.Version, StringComparer.Ordinal);
    }

    /// <summary>The package name.</summary>
    public string Name { get; }

    /// <summary>Every release.</summary>
    public IReadOnlyCollection<Release> Releases => _releases.Values;

    /// <summary>The release <paramref name="version"/>, or <see langword="null"/>.</summary>
    public Release? Find(string version) => _releases.GetValueOrDefault(version);

    /// <summary>
    /// Up to <paramref name="count"/> releases below <paramref name="version"/> by semver, highest first.
    /// Prereleases count only when <paramref name="version"/> is itself a prerelease.
    /// </summary>
    public IReadOnlyList<Release> Previous(string version, int count)
    {
        if (!SemVersion.TryParse(version, out var target))
            return [];
        return [.. _releases.Values
            .Select(r => (Release: r, Ok: SemVersion.TryParse(r.Version, out var v), Parsed: v))
            .Where(r => r.Ok && r.Parsed.CompareTo(target) < 0 && (target.IsPrerelease || !r.Parsed.IsPrerelease))
            .OrderByDescending(r => r.Parsed)
            .Take(Math.Max(0, count))
            .Select(r => r.Release)];
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
