using System.Net;
using System.Net.Sockets;

namespace PackGuard.Sources.Http;

/// <summary>
/// Sends registry GETs with the User-Agent, per-attempt timeouts and retries for transient
/// failures (5xx, 408, 429, timeouts, connection resets), and turns network failures into
/// <see cref="TargetUnavailableException"/>. Status codes that are answers (404, 401, ...) are
/// left to the caller's <c>read</c> callback, which knows what they mean.
/// </summary>
internal sealed class RegistryHttp(HttpClient client, TimeProvider time, RetryPolicy policy)
{
    public async Task<T> GetAsync<T>(
        RegistryRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var last = attempt == policy.MaxRetries;
            string failure;
            Exception? cause = null;
            using (var attemptCts = new CancellationTokenSource(policy.AttemptTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, attemptCts.Token))
            {
                try
                {
                    using var message = CreateMessage(request);
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                    if (!IsTransient(response.StatusCode))
                        return await read(response, linked.Token).ConfigureAwait(false);
                    failure = $"HTTP {(int)response.StatusCode} ({response.ReasonPhrase ?? response.StatusCode.ToString()})";
                    if (last)
                    {
                        throw new TargetUnavailableException(
                            $"{request.Origin} kept failing with {failure} after {attempt + 1} attempts; try again later.");
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex) when (attemptCts.IsCancellationRequested || ex.InnerException is TimeoutException)
                {
                    failure = $"timed out after {policy.AttemptTimeout.TotalSeconds:0.#} s";
                    cause = ex;
                }
                catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.NameResolutionError)
                {
                    // A name that does not resolve will not resolve a second later either.
                    throw Unreachable(request, Describe(ex), ex);
                }
                catch (HttpRequestException ex)
                {
                    failure = Describe(ex);
                    cause = ex;
                }
                catch (IOException ex) when (ex is HttpIOException || ex.InnerException is SocketException)
                {
                    // The body broke off mid-read; other IOExceptions come from the local disk.
                    failure = ex.Message;
                    cause = ex;
                }
            }

            if (last)
                throw Unreachable(request, failure, cause);
            await Task.Delay(policy.BaseDelay * (attempt + 1), time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The message for a status the caller did not expect.</summary>
    public static TargetUnavailableException Unexpected(RegistryRequest request, HttpResponseMessage response) =>
        new($"{request.Origin} answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase ?? response.StatusCode.ToString()}) for {SafeUri.Display(request.Url)}.");

    private HttpRequestMessage CreateMessage(RegistryRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        if (client.DefaultRequestHeaders.UserAgent.Count == 0)
            message.Headers.UserAgent.ParseAdd(SourceHttpClientFactory.UserAgent);
        if (request.Accept is not null)
            message.Headers.Accept.ParseAdd(request.Accept);
        message.Headers.Authorization = request.Authorization;
        return message;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static TargetUnavailableException Unreachable(RegistryRequest request, string reason, Exception? cause) =>
        new($"could not reach {request.Origin}: {reason}", cause);

    private static string Describe(HttpRequestException ex) =>
        ex.InnerException is { } inner && ex.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase)
            ? $"{ex.Message.Split(',')[0]}: {inner.Message}"
            : ex.Message;
}
