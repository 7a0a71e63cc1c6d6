namespace PackGuard.Dependencies;

/// <summary>The values of <see cref="Lockfile.Format"/>.</summary>
public static class LockfileFormats
{
    /// <summary><c>package-lock.json</c> and <c>npm-shrinkwrap.json</c> (lockfileVersion 1, 2 and 3).</summary>
    public const string PackageLock = "package-lock";

    /// <summary><c>yarn.lock</c> of Yarn 1 ("yarn lockfile v1").</summary>
    public const string YarnClassic = "yarn-classic";

    /// <summary><c>yarn.lock</c> of Yarn 2 and later (YAML with <c>__metadata</c>).</summary>
    public const string YarnBerry = "yarn-berry";

    /// <summary><c>pnpm-lock.yaml</c> (lockfileVersion 5.x, 6.x and 9.x).</summary>
    public const string Pnpm = "pnpm";

    /// <summary>NuGet's <c>packages.lock.json</c>.</summary>
    public const string NuGetLock = "nuget-lock";

    /// <summary>MSBuild project files and <c>Directory.Packages.props</c>/<c>Directory.Build.props</c>: PackageReference, PackageVersion.</summary>
    public const string MsBuild = "msbuild";

    /// <summary>NuGet's legacy <c>packages.config</c>.</summary>
    public const string PackagesConfig = "packages-config";

    /// <summary>pip requirements files.</summary>
    public const string Requirements = "requirements";

    /// <summary><c>poetry.lock</c>.</summary>
    public const string Poetry = "poetry";

    /// <summary><c>uv.lock</c>.</summary>
    public const string Uv = "uv";

    /// <summary>A file no reader recognised.</summary>
    public const string Unknown = "unknown";

    /// <summary>The ecosystem of a format's dependencies, or <see langword="null"/> for <see cref="Unknown"/>.</summary>
    public static string? EcosystemOf(string format) => format switch
    {
        PackageLock or YarnClassic or YarnBerry or Pnpm => Ecosystems.Npm,
        NuGetLock or MsBuild or PackagesConfig => Ecosystems.NuGet,
        Requirements or Poetry or Uv => Ecosystems.PyPI,
        _ => null,
    };
}
