using System.Net;
using System.Net.Http.Headers;
using System.Reflection;

namespace PackGuard.Sources;

/// <summary>
/// Creates the production <see cref="HttpClient"/> for registry traffic. Core never constructs
/// one on its own (tests inject a fake handler), so the CLI calls this once and passes the
/// client to <see cref="TargetResolver"/>.
/// </summary>
public static class SourceHttpClientFactory
{
    /// <summary>How long a TCP (and TLS) connection may take to open.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Upper bound for one request, including reading a large tarball.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The User-Agent sent to registries: <c>packguard/&lt;version&gt;</c>.</summary>
    public static string UserAgent { get; } = "packguard/" + ToolVersion();

    /// <summary>
    /// A client over a <see cref="SocketsHttpHandler"/> with automatic decompression (NuGet's
    /// registration blobs are gzip-encoded), connect and request timeouts, and a bounded
    /// connection lifetime so DNS changes are picked up by long runs.
    /// </summary>
    public static HttpClient Create()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // .NET drops the Authorization header when it follows a redirect, so a token for the
            // registry is not handed to the CDN a tarball redirects to.
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = RequestTimeout };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("packguard", ToolVersion()));
        return client;
    }

    private static string ToolVersion()
    {
        var informational = typeof(SourceHttpClientFactory).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // SourceLink appends "+<commit>"; the product version is what precedes it.
        return informational?.Split('+')[0] ?? "0.0.0";
    }
}
