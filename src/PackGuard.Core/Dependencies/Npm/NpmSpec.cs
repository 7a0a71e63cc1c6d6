namespace PackGuard.Dependencies.Npm;

/// <summary>Pieces of npm package specifiers and resolved URLs.</summary>
internal static class NpmSpec
{
    /// <summary>
    /// Splits <c>name@range</c> at the <c>@</c> after the name (a scoped name starts with one):
    /// <c>@babel/core@^7</c> gives <c>@babel/core</c> and <c>^7</c>; a bare name gives an empty range.
    /// </summary>
    public static (string Name, string Range) SplitNameAndRange(string spec)
    {
        var at = spec.IndexOf('@', spec.StartsWith('@') ? 1 : 0);
        return at < 0 ? (spec, "") : (spec[..at], spec[(at + 1)..]);
    }

    /// <summary>The package an alias range names: <c>npm:bar@^1</c> gives <c>bar</c> and <c>^1</c>; anything else <see langword="null"/>.</summary>
    public static (string Name, string Range)? AliasTarget(string range)
    {
        if (!range.StartsWith("npm:", StringComparison.Ordinal))
            return null;
        var (name, version) = SplitNameAndRange(range[4..]);
        return name.Length == 0 ? null : (name, version);
    }

    /// <summary>The package name at the end of an install path (<c>node_modules/a/node_modules/@s/b</c> gives <c>@s/b</c>).</summary>
    public static string NameFromInstallPath(string path)
    {
        var at = path.LastIndexOf("node_modules/", StringComparison.Ordinal);
        return at < 0 ? path : path[(at + "node_modules/".Length)..];
    }

    /// <summary>
    /// What kind of place a resolved URL or version spec points to. An http URL is a registry's
    /// when it has the registries' tarball shape (<c>.../name/-/name-1.0.0.tgz</c>), an archive
    /// elsewhere otherwise.
    /// </summary>
    public static DependencyKind KindOf(string? resolved)
    {
        if (string.IsNullOrEmpty(resolved))
            return DependencyKind.Registry;
        if (SourceUrls.IsGit(resolved))
            return DependencyKind.Git;
        if (resolved.StartsWith("file:", StringComparison.Ordinal) || resolved.StartsWith("link:", StringComparison.Ordinal)
            || resolved.StartsWith("workspace:", StringComparison.Ordinal) || resolved.StartsWith("portal:", StringComparison.Ordinal)
            || resolved.StartsWith('.') || resolved.StartsWith('/'))
            return DependencyKind.Local;
        if (SourceUrls.IsHttp(resolved))
            return RegistryBase(resolved) is null ? DependencyKind.Url : DependencyKind.Registry;
        return DependencyKind.Registry;
    }

    /// <summary>
    /// The registry a tarball URL of the registries' shape came from:
    /// <c>https://r.example/npm/@s/a/-/a-1.0.0.tgz</c> gives <c>https://r.example/npm/</c>.
    /// </summary>
    public static string? RegistryBase(string url)
    {
        if (!SourceUrls.IsHttp(url))
            return null;
        var hash = url.IndexOf('#');
        if (hash >= 0)
            url = url[..hash];
        var dash = url.LastIndexOf("/-/", StringComparison.Ordinal);
        if (dash < 0 || !url.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
            return null;
        var beforeName = url.LastIndexOf('/', dash - 1);
        if (beforeName < 0)
            return null;
        // A scoped name's scope is one more segment (@scope/name, or @scope%2fname escaped).
        var scopeSlash = url.LastIndexOf('/', beforeName - 1);
        if (scopeSlash > 0 && url.AsSpan(scopeSlash + 1).StartsWith("@"))
            beforeName = scopeSlash;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal) + 3;
        return beforeName < schemeEnd ? null : url[..(beforeName + 1)];
    }
}
