namespace PackGuard.Dependencies;

/// <summary>
/// What <see cref="LockfileReader.Read(string, string)"/> made of one file: its dependencies (one per distinct
/// package, version, source and hash; the location is the first place it appears), the package
/// sources it and its neighbours declare, and the problems met reading it. A file that could not
/// be understood has problems and no dependencies; it never throws.
/// </summary>
/// <param name="Path">The path as shown to the user.</param>
/// <param name="Format">One of <see cref="LockfileFormats"/>.</param>
/// <param name="Dependencies">The packages, in the order the file names them.</param>
/// <param name="Problems">What could not be read, each prefixed by its line when known.</param>
public sealed record Lockfile(string Path, string Format, IReadOnlyList<Dependency> Dependencies, IReadOnlyList<string> Problems)
{
    /// <summary>The format's own version where it has one (<c>3</c> for lockfileVersion 3, <c>9.0</c>, <c>2.0</c>).</summary>
    public string? FormatVersion { get; init; }

    /// <summary>The registries and indexes declared by the file or the configuration beside it (.npmrc, .yarnrc.yml, NuGet.Config, pyproject.toml).</summary>
    public IReadOnlyList<PackageSource> Sources { get; init; } = [];

    /// <summary>The ecosystem of the file's dependencies.</summary>
    public string? Ecosystem => LockfileFormats.EcosystemOf(Format);
}
