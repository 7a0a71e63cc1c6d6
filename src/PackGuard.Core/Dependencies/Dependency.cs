namespace PackGuard.Dependencies;

/// <summary>
/// One package a lockfile or manifest names. <see cref="Name"/> is the package's real name in its
/// registry (PyPI names normalised as PEP 503 does; <see cref="DisplayName"/> keeps the spelling
/// as written); <see cref="Version"/> is the exact version when the file pins one, otherwise
/// <see langword="null"/> with the declared range in <see cref="Requested"/>.
/// </summary>
/// <param name="Ecosystem">The registry family: <c>npm</c>, <c>nuget</c> or <c>pypi</c> (<see cref="Ecosystems"/>).</param>
/// <param name="Name">The package's name in its registry, normalised for PyPI.</param>
/// <param name="Version">The exact version installed or pinned, when known.</param>
public sealed record Dependency(string Ecosystem, string Name, string? Version)
{
    /// <summary>
    /// Where the package comes from, as written: a tarball, git, <c>file:</c> or registry URL; for
    /// Yarn Berry the reference of its resolution (<c>npm:1.2.3</c>, <c>workspace:.</c>,
    /// <c>https://github.com/x/y.git#commit=...</c>).
    /// </summary>
    public string? Resolved { get; init; }

    /// <summary>
    /// The hash the file pins the content to, as written: an SRI string (<c>sha512-...</c>,
    /// <c>sha1-...</c>), <c>sha256:...</c>, or a Yarn Berry checksum. NuGet's base64 SHA-512
    /// <c>contentHash</c> is given in SRI form (<c>sha512-&lt;base64&gt;</c>).
    /// </summary>
    public string? Integrity { get; init; }

    /// <summary>Every hash the file records for the package (each wheel and sdist, each <c>--hash</c>); <see cref="Integrity"/> is one of them.</summary>
    public IReadOnlyList<string> Hashes { get; init; } = [];

    /// <summary>Declared by the project itself (a root or workspace dependency, a PackageReference, a requirement line).</summary>
    public bool Direct { get; init; }

    /// <summary>Needed only for development, where the file says so or the dependency graph shows it.</summary>
    public bool Dev { get; init; }

    /// <summary>Installed only as an optional dependency (its install may fail without failing the project's).</summary>
    public bool Optional { get; init; }

    /// <summary>
    /// Shipped inside its parent's archive (npm <c>bundleDependencies</c>), so it has no resolved
    /// URL or integrity of its own: the parent's integrity covers it.
    /// </summary>
    public bool Bundled { get; init; }

    /// <summary>Whether the package runs an install script, where the file records it (package-lock <c>hasInstallScript</c>, pnpm <c>requiresBuild</c>).</summary>
    public bool? HasInstallScript { get; init; }

    /// <summary>The name the project uses for an aliased package (<c>"foo": "npm:bar@1"</c> gives Name <c>bar</c>, Alias <c>foo</c>).</summary>
    public string? Alias { get; init; }

    /// <summary>The name as written in the file, before normalisation.</summary>
    public string DisplayName { get => _displayName ?? Name; init => _displayName = value; }

    private readonly string? _displayName;

    /// <summary>The declared version range when the file gives one instead of, or beside, an exact version (<c>^1.2.0</c>, <c>&gt;=2,&lt;3</c>, <c>[1.0,2.0)</c>).</summary>
    public string? Requested { get; init; }

    /// <summary>What kind of place the package is fetched from.</summary>
    public DependencyKind Kind { get; init; }

    /// <summary>The lockfile (relative to what the user gave) and the line the package is declared on, when known.</summary>
    public DependencyLocation Location { get; init; } = new(string.Empty);

    /// <summary>The name as the registry compares names: PEP 503 for PyPI, lower case for NuGet, as written for npm.</summary>
    public string Key => PackageNames.Key(Ecosystem, Name);
}
