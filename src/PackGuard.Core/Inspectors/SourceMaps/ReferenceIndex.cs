using PackGuard.Artifacts;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>A <c>sourceMappingURL</c> that does not lead to a map inside the package.</summary>
/// <param name="FromPath">The script or stylesheet that names it.</param>
/// <param name="Url">The URL as written.</param>
/// <param name="Remote">Whether it points at another host (the map may be downloadable there).</param>
internal sealed record DanglingReference(string FromPath, string Url, bool Remote);

/// <summary>
/// Resolves every <c>sourceMappingURL</c> against the package's entries: which maps are
/// referenced (and by whom) and which references lead nowhere inside the package.
/// </summary>
internal sealed class ReferenceIndex
{
    private readonly Dictionary<string, List<string>> _referrers = new(StringComparer.Ordinal);

    public List<DanglingReference> Dangling { get; } = [];

    /// <summary>Files that reference the map at <paramref name="mapPath"/>.</summary>
    public IReadOnlyList<string> ReferrersOf(string mapPath) =>
        _referrers.TryGetValue(mapPath, out var list) ? list : [];

    public static ReferenceIndex Build(IEnumerable<(ArtifactEntry Entry, SourceMappingUrlScanner Scanner)> scripts, ArtifactSummary artifact)
    {
        var index = new ReferenceIndex();
        foreach (var (entry, scanner) in scripts)
        {
            foreach (var url in scanner.References)
                index.Add(entry, url, artifact);
        }
        return index;
    }

    private void Add(ArtifactEntry from, string url, ArtifactSummary artifact)
    {
        if (IsRemote(url))
        {
            Dangling.Add(new DanglingReference(from.Path, url, Remote: true));
            return;
        }
        var target = Resolve(from, url, artifact);
        if (target is null)
        {
            Dangling.Add(new DanglingReference(from.Path, url, Remote: false));
            return;
        }
        if (!_referrers.TryGetValue(target, out var list))
            _referrers[target] = list = [];
        list.Add(from.Path);
    }

    private static bool IsRemote(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) ||
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full entry path the URL names, or <see langword="null"/> when the package lacks it.</summary>
    private static string? Resolve(ArtifactEntry from, string url, ArtifactSummary artifact)
    {
        var path = url;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
            path = path[..cut];
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            return null; // a path on the build machine: never inside the package
        try
        {
            path = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }

        var inner = from.InnerPath;
        var candidates = new List<string>();
        if (path.StartsWith('/'))
        {
            // Root-relative: the package root, or the top directory of a tarball (package/).
            candidates.Add(path.TrimStart('/'));
            var slash = inner.IndexOf('/');
            if (slash > 0)
                candidates.Add(inner[..(slash + 1)] + path.TrimStart('/'));
        }
        else
        {
            var dir = inner.LastIndexOf('/') is var s and >= 0 ? inner[..(s + 1)] : "";
            candidates.Add(dir + path);
        }
        foreach (var candidate in candidates)
        {
            var full = from.ContainerPrefix + RelativePath.Collapse(candidate);
            if (artifact.ContainsEntry(full))
                return full;
        }
        return null;
    }
}
