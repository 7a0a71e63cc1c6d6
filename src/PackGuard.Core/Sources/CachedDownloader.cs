using System.Net;
using PackGuard.Sources.Http;
using PackGuard.Sources.Integrity;

namespace PackGuard.Sources;

/// <summary>A package file to fetch into the cache.</summary>
/// <param name="Request">Where from, with credentials already scoped to that URL.</param>
/// <param name="Label">What users call it (<c>npm:name@1.2.3</c>); used for progress and messages.</param>
/// <param name="Extension">File extension in the cache (<c>tgz</c>, <c>nupkg</c>).</param>
/// <param name="Expected">The registry's published digest; <see langword="null"/> when it publishes none.</param>
/// <param name="AuthHint">What to tell the user when the server wants credentials.</param>
internal sealed record DownloadRequest(RegistryRequest Request, string Label, string Extension, IntegrityExpectation? Expected, string AuthHint);

/// <summary>A package file in the cache.</summary>
/// <param name="Path">The cached file.</param>
/// <param name="Verified">The digest that matched the registry's, or <see langword="null"/> when there was nothing to verify against.</param>
/// <param name="FromCache">Whether it was already there (no download).</param>
internal sealed record DownloadedFile(string Path, ContentHash? Verified, bool FromCache);

/// <summary>
/// Fetches package files into the <see cref="DownloadCache"/>: reuses a cached file whose hash
/// still matches, otherwise streams the download to a temporary file while hashing it, and
/// keeps it only when it matches the published digest.
/// </summary>
internal sealed class CachedDownloader(RegistryHttp http, DownloadCache cache)
{
    private const int BufferSize = 81920;

    public async Task<DownloadedFile> GetAsync(DownloadRequest download, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        if (download.Expected is { } expected)
        {
            try
            {
                if (await cache.FindAsync(expected, download.Extension, ct).ConfigureAwait(false) is { } hit)
                    return new DownloadedFile(hit.Path, hit.Hash, FromCache: true);
            }
            catch (Exception ex) when (IsLocalFailure(ex))
            {
                throw CacheFailure(download, ex);
            }
        }

        return await http.GetAsync(download.Request, (response, token) => SaveAsync(download, response, progress, token), ct).ConfigureAwait(false);
    }

    private async Task<DownloadedFile> SaveAsync(DownloadRequest download, HttpResponseMessage response, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var request = download.Request;
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new TargetUnavailableException($"{download.Label} is listed by {request.Origin}, but its file {SafeUri.Display(request.Url)} was not found (HTTP 404).");
        if (response.IsAuthFailure())
            throw new TargetUnavailableException($"Downloading {download.Label} from {request.Origin}: {response.AuthVerb()} (HTTP {(int)response.StatusCode}). {download.AuthHint}");
        if (!response.IsSuccessStatusCode)
            throw RegistryHttp.Unexpected(request, response);

        var algorithm = download.Expected?.Algorithm ?? HashAlgorithms.Sha512;
        using var hash = HashAlgorithms.Create(algorithm);
        await using var writer = Local(download, cache.BeginWrite);
        var total = response.Content.Headers.ContentLength;
        await using (var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false))
        {
            var buffer = new byte[BufferSize];
            long received = 0;
            progress?.Report(new TransferProgress(download.Label, 0, total));
            int read;
            // Read failures are the network's (RegistryHttp retries them); write failures are the disk's.
            while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                try
                {
                    await writer.Stream.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsLocalFailure(ex))
                {
                    throw CacheFailure(download, ex);
                }
                received += read;
                progress?.Report(new TransferProgress(download.Label, received, total));
            }
        }

        var actual = new ContentHash(algorithm, hash.GetHashAndReset());
        if (download.Expected is { } expected && expected.Match(actual) is null)
        {
            throw new TargetUnavailableException(
                $"Integrity check failed for {download.Label}: {request.Origin} publishes {expected.Describe()} " +
                $"but the download hashes to {actual.Abbreviated}. The download was discarded; " +
                "the registry, a proxy or the network served different bytes than were published.");
        }
        try
        {
            var path = await writer.CommitAsync(actual, download.Extension, ct).ConfigureAwait(false);
            return new DownloadedFile(path, download.Expected is null ? null : actual, FromCache: false);
        }
        catch (Exception ex) when (IsLocalFailure(ex))
        {
            throw CacheFailure(download, ex);
        }
    }

    private T Local<T>(DownloadRequest download, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (IsLocalFailure(ex))
        {
            throw CacheFailure(download, ex);
        }
    }

    private static bool IsLocalFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;

    private TargetUnavailableException CacheFailure(DownloadRequest download, Exception ex) =>
        new($"Could not store {download.Label} in the download cache {cache.RootPath}: {ex.Message} (set PACKGUARD_CACHE_DIR to use another directory).", ex);
}
