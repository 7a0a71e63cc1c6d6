using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PackGuard.Sources.Http;

namespace PackGuard.Sources.NuGet;

/// <summary>
/// A v3 HTTP feed: the service index leads to the flat container, which lists versions and
/// serves <c>.nupkg</c> files. Credentials go only to the service index's own scheme, host and
/// port, never to another host the index points at.
/// </summary>
internal sealed class NuGetHttpFeed(RegistryHttp http, NuGetPackageSource source, CachedDownloader downloader) : INuGetFeed
{
    private readonly Uri _indexUrl = source.Url!;
    private NuGetServiceIndex? _index;

    public NuGetPackageSource Source => source;

    public async Task<IReadOnlyList<NuGetVersion>?> GetVersionsAsync(string id, CancellationToken ct)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var url = new Uri(index.PackageBaseAddress, Uri.EscapeDataString(id.ToLowerInvariant()) + "/index.json");
        using var document = await GetJsonAsync(url, $"the version list of '{id}'", notFoundIsNull: true, ct).ConfigureAwait(false);
        if (document is null)
            return null;
        if (!document.RootElement.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Array)
            throw new TargetUnavailableException($"NuGet source {source} returned an invalid version list for '{id}': no 'versions' array.");
        return versions.EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.String && NuGetVersion.TryParse(v.GetString(), out var parsed) ? parsed : null)
            .OfType<NuGetVersion>()
            .ToArray();
    }

    public async Task<IReadOnlyList<NuGetRegistrationLeaf>> DescribeAsync(string id, IReadOnlyList<NuGetVersion> versions, CancellationToken ct)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var leaves = index.Registrations is { } registrations
            ? await new NuGetRegistration(http, registrations, Origin, Authorization).LeavesAsync(id, ct).ConfigureAwait(false)
            : [];
        var byVersion = leaves.GroupBy(l => l.Version).ToDictionary(g => g.Key, g => g.First());
        return [.. versions.Select(v => byVersion.GetValueOrDefault(v) ?? new NuGetRegistrationLeaf(v, Listed: true, Published: null))];
    }

    public async Task<NuGetPackageFile> FetchAsync(string id, NuGetVersion version, string label, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var index = await IndexAsync(ct).ConfigureAwait(false);
        var lowerId = Uri.EscapeDataString(id.ToLowerInvariant());
        var lowerVersion = Uri.EscapeDataString(version.Normalized.ToLowerInvariant());
        var url = new Uri(index.PackageBaseAddress, $"{lowerId}/{lowerVersion}/{lowerId}.{lowerVersion}.nupkg");

        var expected = index.Registrations is { } registrations
            ? await new NuGetRegistration(http, registrations, Origin, Authorization).FindHashAsync(id, version, ct).ConfigureAwait(false)
            : null;
        var request = new RegistryRequest(url, Origin, Authorization(url));
        var file = await downloader.GetAsync(new DownloadRequest(request, label, "nupkg", expected, AuthHint()), progress, ct).ConfigureAwait(false);
        return new NuGetPackageFile(file.Path, file.Verified?.Sri);
    }

    private string Origin => $"NuGet source {source}";

    private async Task<NuGetServiceIndex> IndexAsync(CancellationToken ct)
    {
        if (_index is not null)
            return _index;
        using var document = await GetJsonAsync(_indexUrl, "its service index", notFoundIsNull: false, ct).ConfigureAwait(false);
        try
        {
            _index = NuGetServiceIndex.Parse(document!, _indexUrl)
                ?? throw new TargetUnavailableException($"{Origin} offers no PackageBaseAddress/3.0.0 resource, which PackGuard needs to download packages.");
        }
        catch (JsonException ex)
        {
            throw new TargetUnavailableException($"{Origin} returned an invalid service index: {ex.Message}", ex);
        }
        return _index;
    }

    private Task<JsonDocument?> GetJsonAsync(Uri url, string what, bool notFoundIsNull, CancellationToken ct)
    {
        var request = new RegistryRequest(url, Origin, Authorization(url), "application/json");
        return http.GetAsync(request, async (response, token) =>
        {
            if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
                return null;
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new TargetUnavailableException($"{Origin} has no {what} at {SafeUri.Display(url)} (HTTP 404). Is it a v3 feed (…/index.json)?");
            if (response.IsAuthFailure())
                throw new TargetUnavailableException($"Reading {what} from {Origin}: {response.AuthVerb()} (HTTP {(int)response.StatusCode}). {AuthHint()}");
            if (!response.IsSuccessStatusCode)
                throw RegistryHttp.Unexpected(request, response);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                return await JsonDocument.ParseAsync(body, default, token).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new TargetUnavailableException($"{Origin} returned invalid JSON for {what}: {ex.Message}", ex);
            }
        }, ct);
    }

    private AuthenticationHeaderValue? Authorization(Uri url) =>
        source.Credential is { IsUsable: true } credential && SameOrigin(url, _indexUrl)
            ? HttpAuth.Basic(credential.Username!, credential.ClearTextPassword!)
            : null;

    private string AuthHint() => source.Credential switch
    {
        { IsUsable: true } => $"The credentials for '{source.Name}' in NuGet.Config were refused; they may be expired or lack access.",
        { HasEncryptedPassword: true } =>
            $"NuGet.Config holds only an encrypted Password for '{source.Name}'. Encrypted passwords use Windows DPAPI and cannot be read here; " +
            "use ClearTextPassword instead (it may name an environment variable, e.g. %FEED_TOKEN%).",
        _ => $"Add a Username and ClearTextPassword for '{source.Name}' under <packageSourceCredentials> in NuGet.Config.",
    };

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
