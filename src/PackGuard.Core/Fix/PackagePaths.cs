namespace PackGuard.Fix;

/// <summary>
/// Kinds of file that a published package has no use for at run time, by name: maps, environment
/// and tool configuration files, keys, tests, backups, logs. A finding in such a file is fixed by
/// not publishing it even when it sits in a directory the package needs.
/// </summary>
internal static class PackagePaths
{
    private static readonly string[] TestDirectories = ["test", "tests", "__tests__", "__mocks__", "spec", "specs", "fixtures", "__fixtures__", "coverage", ".nyc_output"];

    private static readonly string[] NeverNeededExtensions =
        [".map", ".pdb", ".mdb", ".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk", ".log", ".bak", ".orig", ".rej", ".swp", ".tmp", ".old", ".env"];

    /// <summary>Whether <paramref name="path"/> (a package path) names a file no installed package needs.</summary>
    public static bool IsNeverNeeded(string path)
    {
        var name = FileName(path);
        if (name.EndsWith('~'))
            return true;
        if (name.StartsWith('.') && !name.Equals(".npmignore", StringComparison.Ordinal))
            return true;
        if (NeverNeededExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return true;
        if (name.Contains(".test.", StringComparison.OrdinalIgnoreCase) || name.Contains(".spec.", StringComparison.OrdinalIgnoreCase))
            return true;
        return path.Split('/').SkipLast(1).Any(d => d.StartsWith('.') || TestDirectories.Contains(d, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether the file is a source map by name.</summary>
    public static bool IsMap(string path) => path.EndsWith(".map", StringComparison.OrdinalIgnoreCase);

    /// <summary>The last segment of a package path.</summary>
    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>The first segment of a package path: the top directory, or the file itself at the root.</summary>
    public static string TopSegment(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? path : path[..slash];
    }

    /// <summary>A path from a manifest (<c>./dist/x.js</c>, <c>dist\x.js</c>) as a package path (<c>dist/x.js</c>); <see langword="null"/> for one outside the package.</summary>
    public static string? Normalise(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return null;
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}
