using PackGuard.Artifacts.Metadata;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// What npm leaves out of a package whatever the project says (npm-packlist's strict rules: the
/// root <c>.git</c> and <c>node_modules</c>) and what it leaves out unless the <c>files</c> list
/// names it (its default rules: <c>**/.git</c>, <c>.svn</c>, <c>.hg</c>, <c>CVS</c>,
/// <c>**/.npmrc</c>, <c>.DS_Store</c>, <c>._*</c>, <c>.*.swp</c>, <c>*.orig</c>,
/// <c>npm-debug.log</c>). A directory target is a package before it is packed, so these are not
/// reported there; in a packed artifact they did ship, and the finding says npm would not have
/// shipped them on its own.
/// </summary>
internal static class NpmPackRules
{
    private static readonly string[] VcsFolders = [".git", ".svn", ".hg", "CVS"];

    /// <summary>Files of a working tree no package manager publishes: inside a VCS folder, or under the root node_modules.</summary>
    public static bool NeverPacked(string relativePath)
    {
        var segments = relativePath.Split('/');
        return segments[0] == "node_modules" || segments[..^1].Any(s => VcsFolders.Contains(s));
    }

    /// <summary>The npm default rule that leaves this file out of a package, or null when npm packs it.</summary>
    /// <param name="relativePath">The path from the package root (no <c>package/</c> prefix).</param>
    public static string? DefaultRule(string relativePath)
    {
        var segments = relativePath.Split('/');
        var name = segments[^1];
        if (segments[..^1].FirstOrDefault(s => VcsFolders.Contains(s)) is { } vcs)
            return $"**/{vcs}";
        return name switch
        {
            ".npmrc" => "**/.npmrc",
            ".DS_Store" => ".DS_Store",
            "npm-debug.log" => "npm-debug.log",
            _ when name.StartsWith("._", StringComparison.Ordinal) => "._*",
            _ when name.StartsWith('.') && name.EndsWith(".swp", StringComparison.Ordinal) => ".*.swp",
            _ when name.EndsWith(".orig", StringComparison.Ordinal) => "*.orig",
            _ => null,
        };
    }

    /// <summary>
    /// Whether a file of a directory target would be left out by npm: the directory is an npm
    /// package (package.json at its root), a default rule excludes the file, and the <c>files</c>
    /// list does not name it. (Negations in <c>.npmignore</c> and glob patterns in <c>files</c>
    /// are not evaluated; <c>npm pack</c> and a scan of its tarball answer exactly.)
    /// </summary>
    public static bool IgnoredInDirectory(string path, PackageMetadata metadata)
    {
        if (metadata.Ecosystem != "npm" || metadata.ManifestPath != "package.json" || path.Contains('!', StringComparison.Ordinal))
            return false;
        if (DefaultRule(path) is null)
            return false;
        var name = path[(path.LastIndexOf('/') + 1)..];
        return metadata.Files is not { } files || !files.Any(f => (f.StartsWith("./", StringComparison.Ordinal) ? f[2..] : f.TrimStart('/')) is var listed && (listed == path || listed == name));
    }

    /// <summary>The package root inside the artifact (<c>package/</c> for an npm tarball), or null when there is no npm manifest.</summary>
    public static string? Root(PackageMetadata metadata) =>
        metadata.Ecosystem == "npm" && metadata.ManifestPath is { } manifest && manifest.EndsWith("package.json", StringComparison.Ordinal)
            ? manifest[..^"package.json".Length]
            : null;
}
