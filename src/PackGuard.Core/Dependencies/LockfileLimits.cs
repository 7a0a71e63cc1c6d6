namespace PackGuard.Dependencies;

/// <summary>
/// Bounds on what the readers will do with one file, so that a hostile lockfile costs a problem,
/// never memory or time out of proportion.
/// </summary>
internal sealed record LockfileLimits
{
    /// <summary>Largest file read; real lockfiles of large monorepos stay well under it.</summary>
    public long MaxFileBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Most dependencies kept from one file.</summary>
    public int MaxDependencies { get; init; } = 1_000_000;

    /// <summary>Deepest nesting of JSON, YAML, TOML or package-lock v1 <c>dependencies</c> followed.</summary>
    public int MaxNesting { get; init; } = 256;

    /// <summary>How deep <c>-r</c>/<c>-c</c> includes of requirements files are followed.</summary>
    public int MaxIncludeDepth { get; init; } = 10;

    /// <summary>Most requirements files read through includes from one file.</summary>
    public int MaxIncludedFiles { get; init; } = 100;

    /// <summary>How many directories above a file its configuration (NuGet.Config, Directory.Packages.props) is looked for.</summary>
    public int MaxParentDirectories { get; init; } = 32;

    /// <summary>
    /// Longest package name kept (npm allows 214 characters, NuGet 100); a longer one is a problem,
    /// not a dependency.
    /// </summary>
    public int MaxNameLength { get; init; } = 256;

    /// <summary>Longest text quoted back from the file in a problem.</summary>
    public int MaxQuote { get; init; } = 80;

    /// <summary>The defaults.</summary>
    public static LockfileLimits Default { get; } = new();
}
