using PackGuard.Sources.Http;
using PackGuard.Sources.Npm;
using PackGuard.Sources.NuGet;

namespace PackGuard.Sources;

/// <summary>
/// Turns a <see cref="TargetSpec"/> into bytes on this machine. Local targets are checked in
/// place. Registry targets follow the user's own tooling: <see cref="NpmConfig"/> (environment
/// and <c>.npmrc</c> files) or <see cref="NuGetConfig"/> (<c>NuGet.Config</c> files) choose the
/// registry and credentials; the npm or NuGet resolver picks the version; a
/// <see cref="CachedDownloader"/> streams the package into the <see cref="DownloadCache"/>
/// through <see cref="RegistryHttp"/> (retries, timeouts, User-Agent) and verifies the digest
/// the registry published. Every failure to produce the bytes is a
/// <see cref="TargetUnavailableException"/>; a broken configuration is a
/// <see cref="SourceConfigurationException"/>.
/// </summary>
public sealed class TargetResolver
{
    private readonly HttpClient _httpClient;
    private readonly SourceEnvironment _environment;
    private readonly DownloadCache _cache;
    private readonly TimeProvider _time;
    private readonly Lazy<NpmConfig> _npmConfig;
    private readonly Lazy<NuGetConfig> _nugetConfig;

    /// <summary>Creates a resolver.</summary>
    /// <param name="httpClient">Client for registry traffic; see <see cref="SourceHttpClientFactory.Create"/>.</param>
    /// <param name="environment">Working directory, home and environment variables to read configuration from.</param>
    /// <param name="cache">Where downloads are kept.</param>
    /// <param name="timeProvider">Clock for timeouts and retry backoff; the system clock by default.</param>
    public TargetResolver(HttpClient httpClient, SourceEnvironment environment, DownloadCache cache, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(cache);
        _httpClient = httpClient;
        _environment = environment;
        _cache = cache;
        _time = timeProvider ?? TimeProvider.System;
        // Configuration is read once per resolver, when first needed, so a local scan never reads .npmrc.
        _npmConfig = new Lazy<NpmConfig>(() => NpmConfig.Load(environment));
        _nugetConfig = new Lazy<NuGetConfig>(() => NuGetConfig.Load(environment));
    }

    /// <summary>Retries and timeouts for registry requests; tests shorten the backoff.</summary>
    internal RetryPolicy RetryPolicy { get; init; } = RetryPolicy.Default;

    /// <summary>Resolves <paramref name="spec"/> to a local file or directory, downloading it when it lives in a registry.</summary>
    /// <param name="spec">The parsed target.</param>
    /// <param name="progress">Receives download progress; may be <see langword="null"/>.</param>
    /// <param name="ct">Cancels network and disk work.</param>
    /// <exception cref="TargetUnavailableException">The target does not exist, cannot be read or downloaded, or failed verification.</exception>
    /// <exception cref="SourceConfigurationException">The npm or NuGet configuration is unreadable or invalid.</exception>
    public async Task<ResolvedTarget> ResolveAsync(TargetSpec spec, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ct.ThrowIfCancellationRequested();
        if (spec.Kind == TargetKind.Local)
            return LocalResolver.Resolve(spec, _environment);

        var http = new RegistryHttp(_httpClient, _time, RetryPolicy);
        var downloader = new CachedDownloader(http, _cache);
        return spec.Kind switch
        {
            TargetKind.Npm => await new NpmResolver(http, _npmConfig.Value, downloader).ResolveAsync(spec, progress, ct).ConfigureAwait(false),
            TargetKind.NuGet => await new NuGetResolver(http, _nugetConfig.Value, downloader).ResolveAsync(spec, progress, ct).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown target kind."),
        };
    }

    /// <summary>
    /// The release history of a registry target: for npm the registry's full packument; for NuGet the
    /// versions the first source holding the package lists, with their listing and publish time.
    /// </summary>
    /// <exception cref="TargetUnavailableException">The history cannot be read.</exception>
    /// <exception cref="SourceConfigurationException">The npm or NuGet configuration is unreadable or invalid.</exception>
    public async Task<Gate.ReleaseHistory> HistoryAsync(TargetSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var http = new RegistryHttp(_httpClient, _time, RetryPolicy);
        var downloader = new CachedDownloader(http, _cache);
        return spec.Kind switch
        {
            TargetKind.Npm => await new NpmResolver(http, _npmConfig.Value, downloader).FetchHistoryAsync(spec, ct).ConfigureAwait(false),
            TargetKind.NuGet => await new NuGetResolver(http, _nugetConfig.Value, downloader).FetchHistoryAsync(spec, ct).ConfigureAwait(false),
            _ => throw new ArgumentException("Only registry targets have a release history.", nameof(spec)),
        };
    }
}
