namespace PackGuard.Sources.Npm;

/// <summary>One source of npm settings: the environment or one <c>.npmrc</c> file.</summary>
/// <param name="Description">Where the settings come from, for messages (a path, or "environment").</param>
/// <param name="Lookup">A setting's value in this layer, or <see langword="null"/>.</param>
internal sealed record NpmConfigLayer(string Description, Func<string, string?> Lookup)
{
    /// <summary>
    /// Settings from <c>npm_config_*</c> variables. npm matches the prefix case-insensitively and
    /// lowercases the rest (turning <c>_</c> into <c>-</c>) except for <c>//host/:key</c> settings,
    /// so <c>NPM_CONFIG_REGISTRY</c> and <c>npm_config_@scope:registry</c> both count.
    /// </summary>
    public static NpmConfigLayer FromEnvironment(SourceEnvironment environment) => new("environment", key =>
    {
        string[] suffixes = key.StartsWith("//", StringComparison.Ordinal)
            ? [key]
            : [key, key.Replace('-', '_'), key.ToUpperInvariant().Replace('-', '_')];
        foreach (var suffix in suffixes)
        {
            if (environment.Variable("npm_config_" + suffix) is { } lower)
                return lower;
            if (environment.Variable("NPM_CONFIG_" + suffix) is { } upper)
                return upper;
        }
        return null;
    });

    /// <summary>Settings from an <c>.npmrc</c> file; <see langword="null"/> when the file does not exist.</summary>
    /// <exception cref="SourceConfigurationException">The file exists but cannot be read.</exception>
    public static NpmConfigLayer? FromFile(string path, SourceEnvironment environment)
    {
        string text;
        try
        {
            if (!File.Exists(path))
                return null;
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourceConfigurationException($"Could not read npm configuration {path}: {ex.Message}", ex);
        }
        var values = NpmrcParser.Parse(text, environment.GetVariable);
        return new NpmConfigLayer(path, key => values.GetValueOrDefault(key));
    }
}
