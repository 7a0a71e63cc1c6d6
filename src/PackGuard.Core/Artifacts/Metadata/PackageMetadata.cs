namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// What a package says about itself, read from <c>package.json</c>, a <c>.nuspec</c> or a wheel's
/// <c>METADATA</c>. Every field may be missing: a directory of loose files has none of them.
/// </summary>
public sealed record PackageMetadata
{
    /// <summary><c>npm</c>, <c>nuget</c>, <c>pypi</c>, or <c>null</c> when unknown.</summary>
    public string? Ecosystem { get; init; }

    /// <summary>Package name or id.</summary>
    public string? Name { get; init; }

    /// <summary>Version as declared.</summary>
    public string? Version { get; init; }

    /// <summary>The licence as declared: an SPDX expression, <c>UNLICENSED</c>, <c>SEE LICENSE IN ...</c>, a URL.</summary>
    public string? License { get; init; }

    /// <summary>Source repository URL, normalised to https where the shorthand allows it.</summary>
    public string? Repository { get; init; }

    /// <summary>The package's home page: package.json <c>homepage</c>, the nuspec <c>projectUrl</c>, a wheel's <c>Home-page</c>.</summary>
    public string? Homepage { get; init; }

    /// <summary>
    /// How the author is reached: the e-mail address and URL of package.json <c>author</c> (an
    /// object, or <c>"Name &lt;mail&gt; (url)"</c>), a wheel's <c>Author-email</c>. They name the
    /// package's own domain.
    /// </summary>
    public IReadOnlyList<string> AuthorContacts { get; init; } = [];

    /// <summary><c>"private": true</c> in package.json.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>The manifest's path inside the artifact.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>package.json <c>files</c> allowlist, when present.</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>Names of declared dependencies of every kind (dependencies, devDependencies, ...).</summary>
    public IReadOnlyList<string> DeclaredTools { get; init; } = [];

    /// <summary>
    /// Dependencies an install brings in, name to declared version range: npm <c>dependencies</c>,
    /// <c>optionalDependencies</c> and <c>peerDependencies</c> (npm 7+ installs peers), NuGet
    /// <c>&lt;dependency&gt;</c> elements (the same id in several target frameworks once).
    /// devDependencies are left out: installing the package does not install them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Dependencies { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Files the package runs from, relative to its root without <c>./</c>: package.json <c>main</c>
    /// (default <c>index.js</c>), every <c>bin</c> target and every string in <c>exports</c>.
    /// </summary>
    public IReadOnlyList<string> EntryPoints { get; init; } = [];

    /// <summary>
    /// package.json says <c>"gypfile": false</c>: npm then does not run <c>node-gyp rebuild</c> for a
    /// <c>binding.gyp</c> at the package root when the package has no install script of its own.
    /// </summary>
    public bool NoGypFile { get; init; }

    /// <summary>package.json <c>scripts</c>, name to command.</summary>
    public IReadOnlyDictionary<string, string> Scripts { get; init; } = new Dictionary<string, string>();

    /// <summary>A NuGet package's signature (<c>.signature.p7s</c>), when it has one.</summary>
    public PackageSignature? Signature { get; init; }

    /// <summary>
    /// NuGet package types (<c>&lt;packageType name="..."/&gt;</c>): <c>Dependency</c>, <c>DotnetTool</c>,
    /// <c>SymbolsPackage</c> for a <c>.snupkg</c>. Empty for other ecosystems and when none is declared.
    /// </summary>
    public IReadOnlyList<string> PackageTypes { get; init; } = [];

    /// <summary>Problems met while reading the manifest (malformed JSON, oversized file).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>No manifest was found.</summary>
    public static PackageMetadata None { get; } = new();
}
