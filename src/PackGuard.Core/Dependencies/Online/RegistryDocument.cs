using System.Net;
using System.Text.Json;
using PackGuard.Sources;
using PackGuard.Sources.Http;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// One GET of a registry document through <see cref="RegistryHttp"/> (retries, timeouts,
/// User-Agent), streamed into a visitor. 404 is an answer ("no such package"); every other
/// failure is a <see cref="TargetUnavailableException"/> whose message names the registry.
/// </summary>
internal static class RegistryDocument
{
    /// <summary>
    /// Fetches <paramref name="request"/> and feeds its body to <paramref name="visitor"/>; false
    /// when the registry answers 404. With no visitor the body is not read: the status is the answer.
    /// </summary>
    public static Task<bool> ReadAsync(RegistryHttp http, RegistryRequest request, string what, IJsonTokenVisitor? visitor, LookupLimits limits, CancellationToken ct) =>
        http.GetAsync(request, async (response, token) =>
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                return false;
            if (response.IsAuthFailure())
                throw new TargetUnavailableException($"{request.Origin} refused to show {what}: {response.AuthVerb()} (HTTP {(int)response.StatusCode}).");
            if (!response.IsSuccessStatusCode)
                throw RegistryHttp.Unexpected(request, response);
            if (visitor is null)
                return true;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                await JsonTokenStream.ReadAsync(body, visitor, limits, token).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException)
            {
                throw new TargetUnavailableException($"{request.Origin} returned an unreadable document for {what}: {ex.Message}", ex);
            }
        }, ct);
}
