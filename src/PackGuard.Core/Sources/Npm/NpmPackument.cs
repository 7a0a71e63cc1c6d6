using System.Text.Json.Serialization;

namespace PackGuard.Sources.Npm;

/// <summary>
/// The parts of a packument (<c>GET {registry}/{name}</c>) that resolution needs. The
/// serializer skips everything else while streaming, so a large packument is never held whole.
/// </summary>
internal sealed record NpmPackument(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("dist-tags")] Dictionary<string, string>? DistTags,
    [property: JsonPropertyName("versions")] Dictionary<string, NpmVersionManifest?>? Versions);

/// <summary>One version's manifest; only its <c>dist</c> matters here.</summary>
internal sealed record NpmVersionManifest([property: JsonPropertyName("dist")] NpmDist? Dist);

/// <summary>Where a version's tarball is and what it must hash to.</summary>
internal sealed record NpmDist(
    [property: JsonPropertyName("tarball")] string? Tarball,
    [property: JsonPropertyName("integrity")] string? Integrity,
    [property: JsonPropertyName("shasum")] string? Shasum);

[JsonSerializable(typeof(NpmPackument))]
internal sealed partial class NpmJsonContext : JsonSerializerContext;
