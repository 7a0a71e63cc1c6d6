namespace PackGuard.Inspectors.SourceMaps;

/// <summary>Whose code a source is.</summary>
internal enum SourceOrigin
{
    /// <summary>The package's own code: what a leak exposes.</summary>
    FirstParty,

    /// <summary>Dependencies bundled in (<c>node_modules</c> and the like).</summary>
    ThirdParty,

    /// <summary>Code a bundler generates (webpack bootstrap, rollup helpers, virtual modules).</summary>
    BundlerRuntime,
}

/// <summary>
/// Turns the <c>sources</c> entries bundlers write (<c>webpack://app/./src/x.ts</c>,
/// <c>../../src/x.ts</c>, <c>\0commonjsHelpers.js</c>) into a project-relative path and decides
/// whose code it is.
/// </summary>
internal static class SourceClassifier
{
    private static readonly string[] ThirdPartySegments =
        ["node_modules", "bower_components", "jspm_packages", ".pnpm", ".yarn", ".pnp"];

    private static readonly string[] RuntimePrefixes =
    [
        "webpack/bootstrap", "webpack/runtime/", "webpack/universalModuleDefinition", "webpack/startup",
        "(webpack)", "external ", "ignored|", "vite/", "__vite", "rollupPluginBabelHelpers", "commonjsHelpers",
        "commonjs-dynamic-modules", "<define:", "<runtime>", "bun:", "node:", "\0", "\u0000",
    ];

    /// <summary>Classifies a source given the map's <c>sourceRoot</c>.</summary>
    public static SourceOrigin Classify(string normalizedPath, string rawSource)
    {
        if (rawSource.Length > 0 && rawSource[0] == '\0')
            return SourceOrigin.BundlerRuntime;
        foreach (var prefix in RuntimePrefixes)
        {
            if (normalizedPath.StartsWith(prefix, StringComparison.Ordinal))
                return SourceOrigin.BundlerRuntime;
        }
        if (normalizedPath.StartsWith("~/", StringComparison.Ordinal))
            return SourceOrigin.ThirdParty; // webpack's old alias for node_modules
        foreach (var segment in normalizedPath.Split('/'))
        {
            if (Array.IndexOf(ThirdPartySegments, segment) >= 0)
                return SourceOrigin.ThirdParty;
        }
        return SourceOrigin.FirstParty;
    }

    /// <summary>
    /// A project-relative path: the scheme and webpack namespace are dropped, the sourceRoot
    /// applied, <c>.</c> and leading <c>..</c> segments removed.
    /// </summary>
    public static string Normalize(string source, string? sourceRoot)
    {
        var path = source.Replace('\\', '/');
        if (!string.IsNullOrEmpty(sourceRoot) && !HasScheme(path) && !path.StartsWith('/'))
            path = sourceRoot.Replace('\\', '/').TrimEnd('/') + "/" + path;
        path = StripScheme(path);
        var query = path.IndexOfAny(['?', '#']);
        if (query > 0)
            path = path[..query];

        return RelativePath.Collapse(path);
    }

    private static bool HasScheme(string path)
    {
        var colon = path.IndexOf("://", StringComparison.Ordinal);
        return colon > 0 && path[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    // webpack://my-lib/./src/a.ts keeps "./src/a.ts"; webpack:///src/a.ts keeps "src/a.ts";
    // file:///home/me/project/src/a.ts keeps the path (its leading directories are still revealing).
    private static string StripScheme(string path)
    {
        if (!HasScheme(path))
            return path;
        var rest = path[(path.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith('/'))
            return rest;
        var slash = rest.IndexOf('/');
        if (slash < 0)
            return rest;
        var afterNamespace = rest[(slash + 1)..];
        // "webpack://name/./src" and "webpack://name/src": the first segment is the library's name.
        return afterNamespace;
    }
}
