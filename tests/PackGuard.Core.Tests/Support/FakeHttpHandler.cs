using System.Net;
using System.Text;

namespace PackGuard.Tests.Support;

/// <summary>A request the fake handler saw, with the Authorization header as sent.</summary>
public sealed record SeenRequest(Uri Url, string? Authorization, string? Accept, string? UserAgent);

/// <summary>
/// An in-memory registry: answers by exact URL, records every request, and can fail a URL a
/// number of times before answering. Unknown URLs get 404.
/// </summary>
public sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _failures = [];
    private readonly Dictionary<string, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _routes = [];
    private readonly List<SeenRequest> _seen = [];

    public IReadOnlyList<SeenRequest> Requests
    {
        get
        {
            lock (_seen)
                return _seen.ToArray();
        }
    }

    public int CountFor(string url) => Requests.Count(r => r.Url.AbsoluteUri == Key(url));

    public FakeHttpHandler Json(string url, string json) =>
        Respond(url, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public FakeHttpHandler Bytes(string url, byte[] content) =>
        Respond(url, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(content) { Headers = { ContentLength = content.Length } } });

    public FakeHttpHandler Status(string url, HttpStatusCode status) =>
        Respond(url, () => new HttpResponseMessage(status) { Content = new StringContent("") });

    public FakeHttpHandler Respond(string url, Func<HttpResponseMessage> response)
    {
        _routes[Key(url)] = (_, _) => Task.FromResult(response());
        return this;
    }

    public FakeHttpHandler Route(string url, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> handler)
    {
        _routes[Key(url)] = handler;
        return this;
    }

    /// <summary>The next <paramref name="times"/> requests to <paramref name="url"/> get <paramref name="status"/> first.</summary>
    public FakeHttpHandler FailFirst(string url, int times, HttpStatusCode status)
    {
        var queue = _failures.TryGetValue(Key(url), out var existing) ? existing : _failures[Key(url)] = new Queue<Func<HttpResponseMessage>>();
        for (var i = 0; i < times; i++)
            queue.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent("") });
        return this;
    }

    /// <summary>The first <paramref name="times"/> requests to <paramref name="url"/> fail with <paramref name="exception"/>.</summary>
    public FakeHttpHandler ThrowFirst(string url, int times, Func<Exception> exception)
    {
        var queue = _failures.TryGetValue(Key(url), out var existing) ? existing : _failures[Key(url)] = new Queue<Func<HttpResponseMessage>>();
        for (var i = 0; i < times; i++)
            queue.Enqueue(() => throw exception());
        return this;
    }

    // Uri normalises escapes; compare URLs the way the handler sees them.
    private static string Key(string url) => new Uri(url).AbsoluteUri;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        lock (_seen)
        {
            _seen.Add(new SeenRequest(
                request.RequestUri,
                request.Headers.Authorization?.ToString(),
                request.Headers.Accept.ToString(),
                request.Headers.UserAgent.ToString()));
        }
        if (_failures.TryGetValue(url, out var failures) && failures.Count > 0)
            return failures.Dequeue()();
        if (_routes.TryGetValue(url, out var route))
            return await route(request, cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("not found") };
    }
}
