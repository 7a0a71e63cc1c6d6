namespace PackGuard.Sources;

/// <summary>
/// Where PackGuard keeps what it learns between runs (the advisory store, the ledger):
/// <c>PACKGUARD_DATA_DIR</c> when set, else <c>$XDG_DATA_HOME/packguard</c> (an absolute
/// <c>XDG_DATA_HOME</c> only, as the XDG specification says), else <c>~/.local/share/packguard</c>.
/// </summary>
public static class DataDirectory
{
    /// <summary>The data directory for <paramref name="environment"/>; it may not exist yet.</summary>
    public static string Resolve(SourceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Variable("PACKGUARD_DATA_DIR") is { } explicitRoot)
            return environment.FullPath(explicitRoot);
        if (environment.Variable("XDG_DATA_HOME") is { } xdg && Path.IsPathFullyQualified(xdg))
            return Path.Combine(xdg, "packguard");
        return Path.Combine(environment.HomeDirectory, ".local", "share", "packguard");
    }
}
