namespace PackGuard.Artifacts.Metadata;

/// <summary>Which manifest format a file is.</summary>
internal enum ManifestKind
{
    Npm,
    NuGet,
    Wheel,
}

/// <summary>
/// A file that could be the package's manifest. A lower <see cref="Rank"/> wins: a manifest at the
/// artifact's root, then npm's conventional <c>package/package.json</c>, then
/// <c>&lt;dir&gt;/package.json</c>, which only counts when every entry lies under that one directory
/// (as in a tarball that npm would unpack by stripping the first path segment).
/// </summary>
internal sealed record ManifestCandidate(ManifestKind Kind, string Path, int Rank)
{
    public const int RootRank = 0;
    public const int PackageDirectoryRank = 1;
    public const int TopDirectoryRank = 2;

    /// <summary>The candidate a depth-0 file path stands for, or <see langword="null"/>.</summary>
    public static ManifestCandidate? For(string path)
    {
        var segments = path.Split('/');
        return segments switch
        {
            ["package.json"] => new(ManifestKind.Npm, path, RootRank),
            [var name] when name.Length > ".nuspec".Length && name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase)
                => new(ManifestKind.NuGet, path, RootRank),
            [var directory, "METADATA"] when directory.Length > ".dist-info".Length && directory.EndsWith(".dist-info", StringComparison.Ordinal)
                => new(ManifestKind.Wheel, path, RootRank),
            ["package", "package.json"] => new(ManifestKind.Npm, path, PackageDirectoryRank),
            [{ Length: > 0 }, "package.json"] => new(ManifestKind.Npm, path, TopDirectoryRank),
            _ => null,
        };
    }
}
