using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PackGuard.Sources.Http;
using PackGuard.Sources.Integrity;

namespace PackGuard.Sources.Npm;

/// <summary>
/// Resolves <c>npm:</c> targets: reads the packument from the configured registry, picks the
/// version, and fetches the tarball into the cache, verifying <c>dist.integrity</c> (or the
/// legacy <c>dist.shasum</c>).
/// </summary>
internal sealed class NpmResolver(RegistryHttp http, NpmConfig config, CachedDownloader downloader)
{
    // What npm itself asks for: the abbreviated ("corgi") document when the registry has one.
    private const string PackumentAccept = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";
    private const int VersionsToSuggest = 5;

    public async Task<ResolvedTarget> ResolveAsync(TargetSpec spec, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var registry = spec.RegistryOverride is { } chosen ? SafeUri.WithTrailingSlash(chosen) : config.RegistryFor(spec.Name);
        var origin = SafeUri.Display(registry);
        var packument = await FetchPackumentAsync(spec.Name, registry, origin, ct).ConfigureAwait(false);

        var selection = NpmVersionSelector.Select(packument, spec.Version);
        if (selection.Version is null)
            throw NoSuchVersion(spec.Name, selection, packument, origin);
        var version = selection.Version;
        var label = $"npm:{spec.Name}@{version}";

        var dist = packument.Versions?.GetValueOrDefault(version)?.Dist;
        if (dist?.Tarball is null || !Uri.TryCreate(registry, dist.Tarball, out var tarball)
            || (tarball.Scheme != Uri.UriSchemeHttps && tarball.Scheme != Uri.UriSchemeHttp))
            throw new TargetUnavailableException($"{origin} lists {label} without a usable tarball address (dist.tarball).");

        var expected = Expectation(dist, label, origin);
        var request = new RegistryRequest(tarball, origin, Authorization(tarball));
        var file = await downloader.GetAsync(new DownloadRequest(request, label, "tgz", expected, AuthHint(tarball, registry)), progress, ct).ConfigureAwait(false);
        return new ResolvedTarget(spec, file.Path, IsDirectory: false)
        {
            Ecosystem = "npm",
            Registry = registry,
            ResolvedVersion = version,
            VerifiedIntegrity = file.Verified?.Sri,
        };
    }

    /// <summary>
    /// The package's release history from the full packument (the abbreviated one lacks publishers,
    /// maintainers and publish times).
    /// </summary>
    public async Task<Gate.ReleaseHistory> FetchHistoryAsync(TargetSpec spec, CancellationToken ct)
    {
        var registry = spec.RegistryOverride is { } chosen ? SafeUri.WithTrailingSlash(chosen) : config.RegistryFor(spec.Name);
        var origin = SafeUri.Display(registry);
        var url = new Uri(registry, NpmPackageName.Escape(spec.Name));
        var request = new RegistryRequest(url, origin, Authorization(url), "application/json");
        return await http.GetAsync(request, async (response, token) =>
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new TargetUnavailableException($"npm package '{spec.Name}' was not found in {origin}.");
            if (response.IsAuthFailure())
                throw new TargetUnavailableException($"Reading npm package '{spec.Name}' from {origin}: {response.AuthVerb()} (HTTP {(int)response.StatusCode}). {AuthHint(url, registry)}");
            if (!response.IsSuccessStatusCode)
                throw RegistryHttp.Unexpected(request, response);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                using var document = await JsonDocument.ParseAsync(body, cancellationToken: token).ConfigureAwait(false);
                return Gate.ReleaseHistory.Parse(document.RootElement, spec.Name);
            }
            catch (JsonException ex)
            {
                throw new TargetUnavailableException($"{origin} returned an invalid document for npm package '{spec.Name}': {ex.Message}", ex);
            }
        }, ct).ConfigureAwait(false);
    }

    private async Task<NpmPackument> FetchPackumentAsync(string name, Uri registry, string origin, CancellationToken ct)
    {
        var url = new Uri(registry, NpmPackageName.Escape(name));
        var request = new RegistryRequest(url, origin, Authorization(url), PackumentAccept);
        return await http.GetAsync(request, async (response, token) =>
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new TargetUnavailableException($"npm package '{name}' was not found in {origin}.");
            if (response.IsAuthFailure())
                throw new TargetUnavailableException($"Reading npm package '{name}' from {origin}: {response.AuthVerb()} (HTTP {(int)response.StatusCode}). {AuthHint(url, registry)}");
            if (!response.IsSuccessStatusCode)
                throw RegistryHttp.Unexpected(request, response);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                return await JsonSerializer.DeserializeAsync(body, NpmJsonContext.Default.NpmPackument, token).ConfigureAwait(false)
                    ?? throw new JsonException("the document is null");
            }
            catch (JsonException ex)
            {
                throw new TargetUnavailableException($"{origin} returned an invalid document for npm package '{name}': {ex.Message}", ex);
            }
        }, ct).ConfigureAwait(false);
    }

    private static IntegrityExpectation? Expectation(NpmDist dist, string label, string origin)
    {
        var expected = IntegrityExpectation.FromSri(dist.Integrity) ?? IntegrityExpectation.FromSha1Hex(dist.Shasum);
        // A digest we cannot read is not the same as no digest: refuse rather than skip the check.
        if (expected is null && (!string.IsNullOrWhiteSpace(dist.Integrity) || !string.IsNullOrWhiteSpace(dist.Shasum)))
            throw new TargetUnavailableException($"{origin} publishes an integrity value for {label} that PackGuard cannot read (supported: sha512, sha384, sha256, sha1).");
        return expected;
    }

    private AuthenticationHeaderValue? Authorization(Uri url) => config.CredentialsFor(url)?.Header;

    private string AuthHint(Uri url, Uri registry) => config.CredentialsFor(url) switch
    {
        null => $"No credentials are configured for it; add //{registry.Authority}{registry.AbsolutePath}:_authToken=... to your .npmrc (or run npm login).",
        { Problem: { } problem } => $"Credentials could not be used: {problem}.",
        { } credentials => $"The token for {credentials.Prefix} from {credentials.Source} was refused; it may be expired or lack access.",
    };

    private static TargetUnavailableException NoSuchVersion(string name, NpmSelection selection, NpmPackument packument, string origin)
    {
        var what = selection.Kind switch
        {
            NpmRequestKind.Version => $"has no version {selection.Requested}",
            NpmRequestKind.Range => $"has no version matching '{selection.Requested}'",
            _ => $"has no dist-tag '{selection.Requested}'",
        };
        var tags = packument.DistTags is { Count: > 0 } t ? string.Join(", ", t.Select(kv => $"{kv.Key}={kv.Value}")) : "none";
        var highest = NpmVersionSelector.Highest(packument, VersionsToSuggest);
        var versions = highest.Count > 0 ? string.Join(", ", highest) : "none";
        return new TargetUnavailableException($"npm package '{name}' {what} in {origin}. Dist-tags: {tags}. Highest versions: {versions}.");
    }
}
