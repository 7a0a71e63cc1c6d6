namespace PackGuard.Sources.Http;

/// <summary>How registry requests are retried and bounded.</summary>
/// <param name="MaxRetries">Retries after the first attempt for transient failures (5xx, timeouts, resets).</param>
/// <param name="BaseDelay">Backoff before the first retry; it grows linearly with each retry.</param>
/// <param name="AttemptTimeout">Bound on one attempt, from sending the request to the last byte of the body.</param>
internal sealed record RetryPolicy(int MaxRetries, TimeSpan BaseDelay, TimeSpan AttemptTimeout)
{
    public static RetryPolicy Default { get; } = new(2, TimeSpan.FromMilliseconds(500), SourceHttpClientFactory.RequestTimeout);
}
