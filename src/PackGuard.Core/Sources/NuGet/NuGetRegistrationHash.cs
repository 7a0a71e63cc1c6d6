using System.Net.Http.Headers;
using System.Text.Json;
using PackGuard.Sources.Http;
using PackGuard.Sources.Integrity;

namespace PackGuard.Sources.NuGet;

/// <summary>
/// Looks for the SHA-512 a v3 feed publishes for a package version in its registration
/// (<c>catalogEntry.packageHash</c>). Not every feed inlines it (nuget.org's registration
/// leaves, and the mirror PackGuard is tested against, do not), so this is best effort: any
/// failure here means "no published hash", never a failed resolution. The caller then reports
/// the package as unverified rather than pretending otherwise.
/// </summary>
internal sealed class NuGetRegistrationHash(RegistryHttp http, Uri registrations, string origin, Func<Uri, AuthenticationHeaderValue?> authorization)
{
    public async Task<IntegrityExpectation?> FindAsync(string id, NuGetVersion version, CancellationToken ct)
    {
        try
        {
            var indexUrl = new Uri(registrations, Uri.EscapeDataString(id.ToLowerInvariant()) + "/index.json");
            using var index = await GetAsync(indexUrl, ct).ConfigureAwait(false);
            if (index is null)
                return null;
            foreach (var page in Items(index.RootElement))
            {
                // Small packages inline their leaves in the index; large ones link to pages.
                if (page.TryGetProperty("items", out _))
                {
                    if (FindLeaf(page, version) is { } inline)
                        return inline;
                    continue;
                }
                if (!MayContain(page, version) || !page.TryGetProperty("@id", out var pageId) || !Uri.TryCreate(indexUrl, pageId.GetString(), out var pageUrl))
                    continue;
                using var pageDocument = await GetAsync(pageUrl, ct).ConfigureAwait(false);
                if (pageDocument is not null && FindLeaf(pageDocument.RootElement, version) is { } paged)
                    return paged;
            }
            return null;
        }
        catch (TargetUnavailableException)
        {
            return null;
        }
    }

    private static IntegrityExpectation? FindLeaf(JsonElement page, NuGetVersion version)
    {
        foreach (var leaf in Items(page))
        {
            if (!leaf.TryGetProperty("catalogEntry", out var entry) || entry.ValueKind != JsonValueKind.Object)
                continue;
            if (!NuGetVersion.TryParse(Text(entry, "version"), out var leafVersion) || !leafVersion.Equals(version))
                continue;
            var algorithm = Text(entry, "packageHashAlgorithm");
            return string.Equals(algorithm, "SHA512", StringComparison.OrdinalIgnoreCase)
                ? IntegrityExpectation.FromSha512Base64(Text(entry, "packageHash"))
                : null;
        }
        return null;
    }

    private static bool MayContain(JsonElement page, NuGetVersion version) =>
        NuGetVersion.TryParse(Text(page, "lower"), out var lower) && NuGetVersion.TryParse(Text(page, "upper"), out var upper)
            ? lower.CompareTo(version) <= 0 && version.CompareTo(upper) <= 0
            : true;

    private static IEnumerable<JsonElement> Items(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private Task<JsonDocument?> GetAsync(Uri url, CancellationToken ct)
    {
        var request = new RegistryRequest(url, origin, authorization(url), "application/json");
        return http.GetAsync(request, async (response, token) =>
        {
            if (!response.IsSuccessStatusCode)
                return null;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                return await JsonDocument.ParseAsync(body, default, token).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return (JsonDocument?)null;
            }
        }, ct);
    }
}
