namespace PackGuard.Dependencies;

/// <summary>
/// A registry or index a lockfile, or a configuration file beside it, says packages come from:
/// what the dependency-confusion and integrity rules compare resolved URLs with.
/// </summary>
/// <param name="Url">The URL as written (credentials in it are removed).</param>
/// <param name="Kind">How the tooling uses it.</param>
/// <param name="Location">The file that declares it, and the line when known.</param>
public sealed record PackageSource(string Url, PackageSourceKind Kind, DependencyLocation Location)
{
    /// <summary>
    /// For <see cref="PackageSourceKind.Scoped"/>: the npm scope (<c>@acme</c>) or the NuGet
    /// package pattern (<c>Acme.*</c>) routed to this source.
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>The source's name where the file gives one (a NuGet source key, a Poetry or uv index name).</summary>
    public string? Name { get; init; }
}

/// <summary>How a <see cref="PackageSource"/> is used.</summary>
public enum PackageSourceKind
{
    /// <summary>The registry packages are looked up in (<c>registry=</c>, <c>--index-url</c>, a NuGet source, a primary index).</summary>
    Index,

    /// <summary>
    /// An index searched beside the main one (<c>--extra-index-url</c>, a supplemental index): the
    /// classic dependency-confusion setup, where the higher version wins wherever it lives.
    /// </summary>
    ExtraIndex,

    /// <summary>A registry for one scope or name pattern only (<c>@acme:registry=</c>, NuGet package source mapping).</summary>
    Scoped,

    /// <summary>A page or directory of archives searched for packages (<c>--find-links</c>).</summary>
    FindLinks,

    /// <summary>A registry the lockfile records packages were resolved from.</summary>
    Lockfile,
}
