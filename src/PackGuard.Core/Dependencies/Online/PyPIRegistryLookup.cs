using PackGuard.Sources;
using PackGuard.Sources.Http;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// PyPI look-ups through its JSON API: <c>/pypi/&lt;name&gt;/json</c> answers 404 for a name
/// nobody has registered; its <c>releases</c> give each version's files and their upload times.
/// PyPI has said <c>releases</c> may go away; without it each wanted version's own document
/// (<c>/pypi/&lt;name&gt;/&lt;version&gt;/json</c>) is read instead, for a bounded number of versions.
/// </summary>
internal sealed class PyPIRegistryLookup(RegistryHttp http, Uri index, LookupLimits limits)
{
    private const int MaxVersionDocuments = 8;

    private readonly Uri _index = SafeUri.WithTrailingSlash(index);

    public string Origin => SafeUri.Display(_index);

    /// <summary>Why <paramref name="name"/> is not a PEP 508 project name, or <see langword="null"/> when it is.</summary>
    public static string? ValidateName(string name)
    {
        if (name.Length == 0)
            return "the name is empty";
        if (name.Length > LockfileLimits.Default.MaxNameLength)
            return $"a name cannot be longer than {LockfileLimits.Default.MaxNameLength} characters";
        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
            return "a name starts and ends with a letter or digit";
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? null
            : "a name holds only ASCII letters, digits, '.', '_' and '-'";
    }

    public async Task<RegistryPackage> LookupAsync(string name, IReadOnlyCollection<string> versions, CancellationToken ct)
    {
        // The normalised name is the canonical URL; any other spelling costs a redirect.
        var normalized = PackageNames.NormalizePyPI(name);
        var what = $"PyPI project '{name}'";
        var times = new PyPIReleaseTimes(versions);
        var request = new RegistryRequest(new Uri(_index, $"pypi/{Uri.EscapeDataString(normalized)}/json"), Origin, Accept: "application/json");
        var found = await RegistryDocument.ReadAsync(http, request, what, versions.Count > 0 ? times : null, limits, ct).ConfigureAwait(false);
        var package = new RegistryPackage(Ecosystems.PyPI, name, Origin, found ? RegistryPresence.Exists : RegistryPresence.Missing);
        if (!found || versions.Count == 0)
            return package;
        if (times.HasReleases)
            return package with { Published = times.Times };

        var published = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        try
        {
            foreach (var version in versions.Distinct(StringComparer.Ordinal).Take(MaxVersionDocuments))
            {
                var one = new PyPIReleaseTimes(version);
                var url = new Uri(_index, $"pypi/{Uri.EscapeDataString(normalized)}/{Uri.EscapeDataString(version)}/json");
                if (await RegistryDocument.ReadAsync(http, new RegistryRequest(url, Origin, Accept: "application/json"), $"{what} {version}", one, limits, ct).ConfigureAwait(false)
                    && one.Times.TryGetValue(version, out var at))
                    published[version] = at;
            }
        }
        catch (TargetUnavailableException ex)
        {
            return package with { Published = published, Error = $"publish times unavailable: {ex.Message}" };
        }
        return package with { Published = published };
    }
}
