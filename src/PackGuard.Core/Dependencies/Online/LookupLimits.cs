using PackGuard.Sources.Http;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// Bounds on registry look-ups. Documents are streamed, so memory is bounded by the largest single
/// JSON token, not by the document; time is bounded per request and by the retry count.
/// </summary>
/// <param name="MaxDocumentBytes">A document longer than this is not read to the end (the largest npm packuments are tens of MB).</param>
/// <param name="MaxTokenBytes">The longest single JSON token (a README, a description) held in memory.</param>
/// <param name="MaxDepth">JSON nesting allowed; full packuments carry publishers' own package.json fields.</param>
/// <param name="Retry">Retries for transient failures and the bound on one request, body included.</param>
internal sealed record LookupLimits(long MaxDocumentBytes, int MaxTokenBytes, int MaxDepth, RetryPolicy Retry)
{
    public static LookupLimits Default { get; } = new(
        256L * 1024 * 1024,
        16 * 1024 * 1024,
        1024,
        // Two retries as for downloads, but a metadata document that takes longer than 30 s is not coming.
        new RetryPolicy(2, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30)));
}
