using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using PackGuard.Sources.Http;
using PackGuard.Sources.Integrity;

namespace PackGuard.Sources.NuGet;

/// <summary>What a v3 feed's registration says about one version.</summary>
/// <param name="Version">The version.</param>
/// <param name="Listed">Whether the version is listed; unlisted ones stay installable by exact version but are hidden from searches and ranges.</param>
/// <param name="Published">When it was published, when the feed says (nuget.org does; many mirrors do not).</param>
internal sealed record NuGetRegistrationLeaf(NuGetVersion Version, bool Listed, DateTimeOffset? Published);

/// <summary>
/// Reads a v3 feed's registration (<c>RegistrationsBaseUrl</c>): the SHA-512 it may publish for a
/// version (<c>catalogEntry.packageHash</c>) and, for <c>packguard gate</c>, whether each version is
/// listed and when it was published. Not every feed fills these in (nuget.org's registration leaves
/// carry no hash, and the mirror PackGuard is tested against carries neither hash nor publish
/// time), so this is best effort: any failure here means "the feed does not say", never a failed
/// resolution.
/// </summary>
internal sealed class NuGetRegistration(RegistryHttp http, Uri registrations, string origin, Func<Uri, AuthenticationHeaderValue?> authorization)
{
    // nuget.org marks an unlisted version's publish time as 1900-01-01.
    private static readonly DateTimeOffset UnlistedMarker = new(1901, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The SHA-512 the registration publishes for <paramref name="version"/>, if any.</summary>
    public async Task<IntegrityExpectation?> FindHashAsync(string id, NuGetVersion version, CancellationToken ct)
    {
        IntegrityExpectation? found = null;
        await VisitLeavesAsync(id, version, entry =>
        {
            if (!NuGetVersion.TryParse(Text(entry, "version"), out var leafVersion) || !leafVersion.Equals(version))
                return false;
            found = string.Equals(Text(entry, "packageHashAlgorithm"), "SHA512", StringComparison.OrdinalIgnoreCase)
                ? IntegrityExpectation.FromSha512Base64(Text(entry, "packageHash"))
                : null;
            return true;
        }, ct).ConfigureAwait(false);
        return found;
    }

    /// <summary>Every version the registration lists, with its listing state and publish time.</summary>
    public async Task<IReadOnlyList<NuGetRegistrationLeaf>> LeavesAsync(string id, CancellationToken ct)
    {
        var leaves = new List<NuGetRegistrationLeaf>();
        await VisitLeavesAsync(id, version: null, entry =>
        {
            if (NuGetVersion.TryParse(Text(entry, "version"), out var version))
                leaves.Add(Leaf(entry, version));
            return false;
        }, ct).ConfigureAwait(false);
        return leaves;
    }

    private static NuGetRegistrationLeaf Leaf(JsonElement entry, NuGetVersion version)
    {
        DateTimeOffset? published = DateTimeOffset.TryParse(Text(entry, "published"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        var listed = entry.TryGetProperty("listed", out var l) && l.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? l.GetBoolean()
            : published is not { } p || p >= UnlistedMarker;
        return new NuGetRegistrationLeaf(version, listed, published >= UnlistedMarker ? published : null);
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with each leaf's <c>catalogEntry</c> until it returns true.
    /// With a <paramref name="version"/>, only the pages whose range holds it are fetched.
    /// </summary>
    private async Task VisitLeavesAsync(string id, NuGetVersion? version, Func<JsonElement, bool> visit, CancellationToken ct)
    {
        try
        {
            var indexUrl = new Uri(registrations, Uri.EscapeDataString(id.ToLowerInvariant()) + "/index.json");
            using var index = await GetAsync(indexUrl, ct).ConfigureAwait(false);
            if (index is null)
                return;
            foreach (var page in Items(index.RootElement))
            {
                // Small packages inline their leaves in the index; large ones link to pages.
                if (page.TryGetProperty("items", out _))
                {
                    if (Visit(page, visit))
                        return;
                    continue;
                }
                if ((version is not null && !MayContain(page, version)) || !page.TryGetProperty("@id", out var pageId)
                    || pageId.ValueKind != JsonValueKind.String || !Uri.TryCreate(indexUrl, pageId.GetString(), out var pageUrl))
                    continue;
                using var pageDocument = await GetAsync(pageUrl, ct).ConfigureAwait(false);
                if (pageDocument is not null && Visit(pageDocument.RootElement, visit))
                    return;
            }
        }
        catch (TargetUnavailableException)
        {
            // Best effort, as the type's summary says.
        }
    }

    private static bool Visit(JsonElement page, Func<JsonElement, bool> visit)
    {
        foreach (var leaf in Items(page))
        {
            if (leaf.TryGetProperty("catalogEntry", out var entry) && entry.ValueKind == JsonValueKind.Object && visit(entry))
                return true;
        }
        return false;
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
