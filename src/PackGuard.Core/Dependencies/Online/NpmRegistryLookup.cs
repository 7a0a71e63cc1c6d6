using PackGuard.Sources;
using PackGuard.Sources.Http;
using PackGuard.Sources.Npm;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// npm look-ups against the public registry. Presence is the packument's status (404: nobody has
/// published the name). Publish times come from the abbreviated packument when it carries them, or
/// are not needed when its <c>modified</c> is older than the cut-off; only otherwise is the full
/// packument (often megabytes for a popular package) fetched for its <c>time</c>.
/// </summary>
internal sealed class NpmRegistryLookup(RegistryHttp http, Uri registry, LookupLimits limits)
{
    // What npm itself sends: the abbreviated document when the registry has one, else the full one.
    private const string AbbreviatedAccept = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";
    private const string FullAccept = "application/json";

    private readonly Uri _registry = SafeUri.WithTrailingSlash(registry);

    public string Origin => SafeUri.Display(_registry);

    /// <summary>Whether a <c>modified</c> older than the cut-off may stand in for the versions' times (off only to measure what it saves).</summary>
    public bool UseModifiedShortcut { get; init; } = true;

    public async Task<RegistryPackage> LookupAsync(string name, IReadOnlyCollection<string> versions, DateTimeOffset olderThan, CancellationToken ct)
    {
        var url = new Uri(_registry, NpmPackageName.Escape(name));
        var what = $"npm package '{name}'";
        var wanted = versions.ToHashSet(StringComparer.Ordinal);
        var first = new NpmPackumentTimes(wanted);
        var found = await RegistryDocument.ReadAsync(http, new RegistryRequest(url, Origin, Accept: AbbreviatedAccept), what, wanted.Count > 0 ? first : null, limits, ct).ConfigureAwait(false);
        var package = new RegistryPackage(Ecosystems.Npm, name, Origin, found ? RegistryPresence.Exists : RegistryPresence.Missing);
        if (!found || wanted.Count == 0)
            return package;

        package = package with { Published = first.Times, LastModified = first.Modified };
        // A registry that put times in the first document has said all it will say about them.
        if (first.HasTimes || (UseModifiedShortcut && first.Modified < olderThan))
            return package;

        var full = new NpmPackumentTimes(wanted);
        try
        {
            if (!await RegistryDocument.ReadAsync(http, new RegistryRequest(url, Origin, Accept: FullAccept), what, full, limits, ct).ConfigureAwait(false))
                return package with { Error = $"{Origin} stopped serving {what} between two requests; its publish times are unknown." };
        }
        catch (TargetUnavailableException ex)
        {
            // The name's presence is settled; only the times are missing.
            return package with { Error = $"publish times unavailable: {ex.Message}" };
        }
        return package with { Published = full.Times, LastModified = JsonValues.Later(first.Modified, full.Modified) };
    }
}
