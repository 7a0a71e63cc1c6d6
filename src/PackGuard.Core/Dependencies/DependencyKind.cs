namespace PackGuard.Dependencies;

/// <summary>What kind of place a dependency is fetched from.</summary>
public enum DependencyKind
{
    /// <summary>A package registry or index (npm registry, NuGet feed, PyPI or a private index).</summary>
    Registry,

    /// <summary>A git repository (<c>git+https://</c>, <c>git://</c>, <c>github:</c>, Yarn/pnpm git resolutions).</summary>
    Git,

    /// <summary>An archive at a URL that is not a registry's own download (<c>name @ https://...</c>, a tarball dependency).</summary>
    Url,

    /// <summary>Something on disk: a workspace, a linked or <c>file:</c> package, a project reference, a path.</summary>
    Local,
}
