using System.Collections.ObjectModel;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// What a public registry says about one package name: whether the name is taken, and when each
/// of the versions asked about was published.
/// </summary>
/// <param name="Ecosystem">One of <see cref="Ecosystems"/>.</param>
/// <param name="Name">The name as it was asked about.</param>
/// <param name="Registry">The registry asked, as an address without credentials (<c>https://registry.npmjs.org/</c>).</param>
/// <param name="Presence">Whether the registry has the name.</param>
public sealed record RegistryPackage(string Ecosystem, string Name, string Registry, RegistryPresence Presence)
{
    /// <summary>
    /// Publish time by version, for the versions asked about, where the registry says. A version
    /// is absent when the registry gives no time for it (a NuGet mirror without publish times, an
    /// unlisted nuget.org version, a version the registry does not have) or when the time was not
    /// needed: see <see cref="LastModified"/>.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Published { get; init; } = ReadOnlyDictionary<string, DateTimeOffset>.Empty;

    /// <summary>
    /// The registry's last change to the package (npm's <c>modified</c>), when it says. No version
    /// was published after it, so when it is older than the cut-off asked for, every version is
    /// older too and the lookup does not fetch individual publish times.
    /// </summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>
    /// Why <see cref="Presence"/> is <see cref="RegistryPresence.Unknown"/> (HTTP 500, a timeout, an
    /// unreachable registry, an invalid name), or why publish times are missing for a package that
    /// exists (the second request failed). <see langword="null"/> when everything asked was answered.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>
    /// Whether <paramref name="version"/> was published before <paramref name="cutoff"/>:
    /// <see langword="true"/> or <see langword="false"/> when the registry's times show it,
    /// <see langword="null"/> when they do not.
    /// </summary>
    public bool? PublishedBefore(string version, DateTimeOffset cutoff)
    {
        if (Published.TryGetValue(version, out var at))
            return at < cutoff;
        return LastModified < cutoff ? true : null;
    }
}
