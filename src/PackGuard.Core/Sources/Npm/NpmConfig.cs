namespace PackGuard.Sources.Npm;

/// <summary>
/// The npm settings that decide where a package comes from and which credentials go with it,
/// layered in npm's precedence: environment, project <c>.npmrc</c>, user <c>.npmrc</c>, global
/// <c>npmrc</c>, then the built-in public registry.
/// </summary>
internal sealed class NpmConfig
{
    public static readonly Uri PublicRegistry = new("https://registry.npmjs.org/");

    public NpmConfig(IReadOnlyList<NpmConfigLayer> layers) => Layers = layers;

    /// <summary>Highest precedence first.</summary>
    public IReadOnlyList<NpmConfigLayer> Layers { get; }

    public static NpmConfig Load(SourceEnvironment environment)
    {
        var env = NpmConfigLayer.FromEnvironment(environment);
        var layers = new List<NpmConfigLayer> { env };

        var userPath = env.Lookup("userconfig") is { } configuredUser
            ? environment.FullPath(configuredUser)
            : Path.Combine(environment.HomeDirectory, ".npmrc");
        var projectPath = Path.Combine(ProjectRoot(environment.WorkingDirectory), ".npmrc");
        // In a home directory without package.json the project and user file are one file; npm reads it once.
        if (!string.Equals(projectPath, userPath, StringComparison.Ordinal))
            AddFile(layers, projectPath, environment);
        AddFile(layers, userPath, environment);

        var globalPath = env.Lookup("globalconfig") is { } configuredGlobal ? environment.FullPath(configuredGlobal)
            : env.Lookup("prefix") is { } prefix ? Path.Combine(environment.FullPath(prefix), "etc", "npmrc")
            : null;
        if (globalPath is not null)
            AddFile(layers, globalPath, environment);
        return new NpmConfig(layers);
    }

    /// <summary>The highest-precedence value of a setting and where it came from.</summary>
    public (string Value, string Source)? Get(string key)
    {
        foreach (var layer in Layers)
        {
            if (layer.Lookup(key) is { } value)
                return (value, layer.Description);
        }
        return null;
    }

    /// <summary>The registry for a package: <c>@scope:registry</c> for scoped names, else <c>registry</c>.</summary>
    /// <exception cref="SourceConfigurationException">The configured registry is not an http(s) URL.</exception>
    public Uri RegistryFor(string packageName)
    {
        var setting = (NpmPackageName.ScopeOf(packageName) is { } scope ? Get(scope + ":registry") : null) ?? Get("registry");
        if (setting is not { } found)
            return PublicRegistry;
        if (!Uri.TryCreate(found.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new SourceConfigurationException($"The npm registry set in {found.Source} is not an absolute http(s) URL.");
        return Http.SafeUri.WithTrailingSlash(uri);
    }

    /// <summary>
    /// The credentials npm would send with a request to <paramref name="url"/>: the longest
    /// configured <c>//host[:port]/path/</c> prefix of the URL wins, so a token only ever goes to
    /// the host (and path) it was configured for.
    /// </summary>
    public NpmCredentials? CredentialsFor(Uri url)
    {
        var key = "//" + url.Authority + url.AbsolutePath;
        while (key.Length > 2)
        {
            var token = Get(key + ":_authToken");
            var auth = Get(key + ":_auth");
            var username = Get(key + ":username");
            var password = Get(key + ":_password");
            if ((token ?? auth ?? username ?? password) is { } any)
                return NpmCredentials.Create(key, any.Source, token?.Value, auth?.Value, username?.Value, password?.Value);
            key = Shorten(key);
        }
        return null;
    }

    /// <summary>Drops the last path segment, or the trailing slash: <c>//h/a/b</c> → <c>//h/a/</c> → <c>//h/a</c>.</summary>
    private static string Shorten(string key)
    {
        if (key.EndsWith('/'))
            return key[..^1];
        var slash = key.LastIndexOf('/');
        return key[..(slash + 1)];
    }

    /// <summary>npm's "local prefix": the nearest directory with package.json or node_modules, else the working directory.</summary>
    private static string ProjectRoot(string workingDirectory)
    {
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) || Directory.Exists(Path.Combine(dir.FullName, "node_modules")))
                return dir.FullName;
        }
        return workingDirectory;
    }

    private static void AddFile(List<NpmConfigLayer> layers, string path, SourceEnvironment environment)
    {
        if (NpmConfigLayer.FromFile(path, environment) is { } layer)
            layers.Add(layer);
    }
}
