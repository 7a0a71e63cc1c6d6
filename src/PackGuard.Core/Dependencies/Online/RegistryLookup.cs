using System.Net.Sockets;
using System.Text.Json;
using PackGuard.Sources;
using PackGuard.Sources.Http;
using PackGuard.Sources.Npm;
using PackGuard.Sources.NuGet;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// Asks each ecosystem's public registry (<see cref="PublicRegistries"/>) about a package, through
/// the same HTTP layer as downloads (<see cref="RegistryHttp"/>: User-Agent, per-request timeout,
/// retries for 5xx and timeouts). Requests carry the package name and nothing else: no
/// credentials, no project files, and the project's own registry configuration is not consulted,
/// because the question is what the public registries hold. A failure is an answer too:
/// <see cref="RegistryPresence.Unknown"/> with the reason, and a registry found unreachable is not
/// asked again for the rest of the run (<see cref="RegistryHealth"/>).
/// </summary>
public sealed class RegistryLookup : IRegistryLookup
{
    private readonly Lazy<NpmRegistryLookup> _npm;
    private readonly Lazy<NuGetRegistryLookup> _nuget;
    private readonly Lazy<PyPIRegistryLookup> _pypi;
    private readonly Dictionary<string, RegistryHealth> _health = new(StringComparer.Ordinal)
    {
        [Ecosystems.Npm] = new(),
        [Ecosystems.NuGet] = new(),
        [Ecosystems.PyPI] = new(),
    };

    /// <summary>Creates a look-up.</summary>
    /// <param name="httpClient">Client for registry traffic; see <see cref="SourceHttpClientFactory.Create"/>.</param>
    /// <param name="environment">The process environment; it locates the download cache a NuGet feed needs (a look-up writes nothing to it).</param>
    /// <param name="registries">The public registries; <see cref="PublicRegistries.Default"/> when <see langword="null"/>.</param>
    /// <param name="timeProvider">Clock for timeouts and retry backoff; the system clock by default.</param>
    public RegistryLookup(HttpClient httpClient, SourceEnvironment environment, PublicRegistries? registries = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(environment);
        var publicRegistries = registries ?? PublicRegistries.Default;
        var time = timeProvider ?? TimeProvider.System;
        // Built on first use, after the init-only settings below are in place.
        _npm = new(() => new NpmRegistryLookup(Http(), publicRegistries.Npm, Limits) { UseModifiedShortcut = UseModifiedShortcut });
        _pypi = new(() => new PyPIRegistryLookup(Http(), publicRegistries.PyPI, Limits));
        _nuget = new(() =>
        {
            var source = NuGetPackageSource.Create(NuGetPackageSource.NuGetOrgName, publicRegistries.NuGet.OriginalString, "3", environment.WorkingDirectory, enabled: true, credential: null);
            INuGetFeed feed = source.Kind == NuGetSourceKind.LocalFolder
                ? new NuGetFolderFeed(source)
                : new NuGetHttpFeed(Http(), source, new CachedDownloader(Http(), DownloadCache.FromEnvironment(environment)));
            return new NuGetRegistryLookup(feed);
        });

        RegistryHttp Http() => new(httpClient, time, Limits.Retry);
    }

    /// <summary>Document sizes, nesting, retries and timeouts; tests shorten them.</summary>
    internal LookupLimits Limits { get; init; } = LookupLimits.Default;

    /// <summary>Whether npm's <c>modified</c> may stand in for publish times older than the cut-off (off only to measure what it saves).</summary>
    internal bool UseModifiedShortcut { get; init; } = true;

    /// <inheritdoc />
    public async Task<RegistryPackage> LookupAsync(string ecosystem, string name, IReadOnlyCollection<string> versions, DateTimeOffset olderThan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(versions);
        ct.ThrowIfCancellationRequested();

        if (!_health.TryGetValue(ecosystem, out var health))
            return new RegistryPackage(ecosystem, name, "", RegistryPresence.Unknown) { Error = $"PackGuard has no public registry for '{ecosystem}' packages." };
        var origin = ecosystem switch
        {
            Ecosystems.Npm => _npm.Value.Origin,
            Ecosystems.NuGet => _nuget.Value.Origin,
            _ => _pypi.Value.Origin,
        };
        var unknown = new RegistryPackage(ecosystem, name, origin, RegistryPresence.Unknown);
        if (InvalidName(ecosystem, name) is { } problem)
            return unknown with { Error = $"not asked: '{name}' is not a valid {ecosystem} name ({problem}), so no one can publish it." };
        var firstContact = await health.WaitForFirstContactAsync(ct).ConfigureAwait(false);
        try
        {
            if (health.Down is { } down)
                return unknown with { Error = $"not asked: an earlier request in this run failed ({down})." };

            var package = ecosystem switch
            {
                Ecosystems.Npm => await _npm.Value.LookupAsync(name, versions, olderThan, ct).ConfigureAwait(false),
                Ecosystems.NuGet => await _nuget.Value.LookupAsync(name, versions, ct).ConfigureAwait(false),
                _ => await _pypi.Value.LookupAsync(name, versions, ct).ConfigureAwait(false),
            };
            health.Succeeded();
            return package;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && IsRegistryFailure(ex))
        {
            var reason = ex is TargetUnavailableException ? ex.Message : $"{origin} gave an unreadable answer for '{name}': {ex.Message}";
            health.Failed(reason, IsUnreachable(ex));
            return unknown with { Error = reason };
        }
        finally
        {
            if (firstContact)
                health.EndFirstContact();
        }
    }

    private static string? InvalidName(string ecosystem, string name) => ecosystem switch
    {
        Ecosystems.Npm => NpmPackageName.Validate(name),
        Ecosystems.NuGet => NuGetPackageId.Validate(name),
        _ => PyPIRegistryLookup.ValidateName(name),
    };

    // What a registry's answer can throw: the HTTP layer's own failure, and what a malformed
    // document makes the feed readers throw (JsonElement.GetString on a lone surrogate escape).
    private static bool IsRegistryFailure(Exception ex) =>
        ex is TargetUnavailableException or JsonException or InvalidDataException or InvalidOperationException
            or FormatException or HttpRequestException or IOException or OperationCanceledException;

    private static bool IsUnreachable(Exception ex)
    {
        for (var inner = ex is TargetUnavailableException ? ex.InnerException : ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or SocketException or OperationCanceledException or TimeoutException or IOException)
                return true;
        }
        return false;
    }
}
