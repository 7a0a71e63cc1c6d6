using PackGuard.Sources.Integrity;

namespace PackGuard.Sources.NuGet;

/// <summary>
/// A local folder source, in either layout NuGet writes: flat (<c>{id}.{version}.nupkg</c>) or
/// hierarchical (<c>{id}/{version}/{id}.{version}.nupkg</c>), names matched case-insensitively.
/// Files are used in place. A <c>.nupkg.sha512</c> beside the package (written by
/// <c>nuget add</c> and restore) is the only published hash a folder has; when present it is
/// verified, when absent the package is reported as unverified.
/// </summary>
internal sealed class NuGetFolderFeed(NuGetPackageSource source) : INuGetFeed
{
    private const string Extension = ".nupkg";
    private readonly Dictionary<NuGetVersion, string> _files = [];

    public NuGetPackageSource Source => source;

    /// <inheritdoc />
    public Task<IReadOnlyList<NuGetRegistrationLeaf>> DescribeAsync(string id, IReadOnlyList<NuGetVersion> versions, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<NuGetRegistrationLeaf>>([.. versions.Select(v => new NuGetRegistrationLeaf(v, Listed: true, Published: null))]);

    public Task<IReadOnlyList<NuGetVersion>?> GetVersionsAsync(string id, CancellationToken ct)
    {
        var root = source.Location;
        try
        {
            if (!Directory.Exists(root))
                return Task.FromResult<IReadOnlyList<NuGetVersion>?>(null);
            _files.Clear();
            foreach (var file in Directory.EnumerateFiles(root, "*" + Extension))
                AddIfMatch(file, id, version => true);
            foreach (var idDirectory in Directory.EnumerateDirectories(root).Where(d => NameIs(d, id)))
            {
                foreach (var versionDirectory in Directory.EnumerateDirectories(idDirectory))
                {
                    ct.ThrowIfCancellationRequested();
                    if (!NuGetVersion.TryParse(Path.GetFileName(versionDirectory), out var folderVersion))
                        continue;
                    foreach (var file in Directory.EnumerateFiles(versionDirectory, "*" + Extension))
                        AddIfMatch(file, id, version => version.Equals(folderVersion));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TargetUnavailableException($"Cannot read local NuGet source {source}: {ex.Message}", ex);
        }
        return Task.FromResult<IReadOnlyList<NuGetVersion>?>(_files.Count == 0 ? null : _files.Keys.ToArray());
    }

    public async Task<NuGetPackageFile> FetchAsync(string id, NuGetVersion version, string label, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        var path = _files[version];
        var hashFile = path + ".sha512";
        try
        {
            if (!File.Exists(hashFile))
                return new NuGetPackageFile(path, null);
            var expected = IntegrityExpectation.FromSha512Base64(await File.ReadAllTextAsync(hashFile, ct).ConfigureAwait(false))
                ?? throw new TargetUnavailableException($"{hashFile} does not hold a base64 SHA-512, so {label} cannot be verified.");
            var actual = new ContentHash(HashAlgorithms.Sha512, await HashAlgorithms.HashFileAsync(HashAlgorithms.Sha512, path, ct).ConfigureAwait(false));
            if (expected.Match(actual) is null)
            {
                throw new TargetUnavailableException(
                    $"Integrity check failed for {label}: {hashFile} says {expected.Describe()} but {path} hashes to {actual.Abbreviated}. The package changed after it was added to the folder.");
            }
            return new NuGetPackageFile(path, actual.Sri);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TargetUnavailableException($"Cannot read {path}: {ex.Message}", ex);
        }
    }

    private void AddIfMatch(string file, string id, Func<NuGetVersion, bool> accept)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".symbols" + Extension, StringComparison.OrdinalIgnoreCase)
            || name.Length <= id.Length + 1 + Extension.Length
            || !name.StartsWith(id + ".", StringComparison.OrdinalIgnoreCase))
            return;
        var versionText = name[(id.Length + 1)..^Extension.Length];
        if (NuGetVersion.TryParse(versionText, out var version) && accept(version))
            _files.TryAdd(version, file);
    }

    private static bool NameIs(string path, string name) =>
        string.Equals(Path.GetFileName(path), name, StringComparison.OrdinalIgnoreCase);
}
