namespace PackGuard.Dependencies.Audit;

/// <summary>
/// The public registries of each ecosystem, by host, and the host of a resolved URL. Public means
/// anyone may publish a name there: the place a dependency-confusion attacker publishes to.
/// </summary>
public static class RegistryHosts
{
    private static readonly Dictionary<string, string[]> Public = new(StringComparer.Ordinal)
    {
        // registry.yarnpkg.com serves the npm registry under another name; npmmirror is its public mirror.
        [Ecosystems.Npm] = ["registry.npmjs.org", "registry.yarnpkg.com", "registry.npmmirror.com", "registry.npm.taobao.org"],
        [Ecosystems.NuGet] = ["api.nuget.org", "www.nuget.org", "nuget.org", "globalcdn.nuget.org"],
        [Ecosystems.PyPI] = ["pypi.org", "files.pythonhosted.org", "pypi.python.org", "upload.pypi.org"],
    };

    /// <summary>The public registry hosts of <paramref name="ecosystem"/>.</summary>
    public static IReadOnlyList<string> PublicHosts(string ecosystem) => Public.GetValueOrDefault(ecosystem) ?? [];

    /// <summary>The name users know the public registry of <paramref name="ecosystem"/> by.</summary>
    public static string PublicName(string ecosystem) => ecosystem switch
    {
        Ecosystems.NuGet => "nuget.org",
        Ecosystems.PyPI => "PyPI",
        _ => "the npm registry",
    };

    /// <summary>Whether <paramref name="host"/> is a public registry of any ecosystem.</summary>
    public static bool IsPublic(string host) => Public.Values.Any(hosts => hosts.Contains(host, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The lower-case host of an absolute http(s), git+https or ssh URL, or <see langword="null"/>
    /// for anything else (a Yarn 2 <c>npm:1.2.3</c> reference, a path). Credentials are not part of it.
    /// </summary>
    public static string? HostOf(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return null;
        var text = url.StartsWith("git+", StringComparison.OrdinalIgnoreCase) ? url[4..] : url;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host))
            return null;
        return uri.Host.ToLowerInvariant();
    }

    /// <summary>The host of a configured registry: a URL's host, or the entry itself when it is a bare host name.</summary>
    public static string? HostOfEntry(string entry)
    {
        if (HostOf(entry) is { } host)
            return host;
        var bare = entry.Trim().TrimEnd('/').ToLowerInvariant();
        return bare.Length > 0 && !bare.Any(c => c is '/' or ':' or '@' || char.IsWhiteSpace(c)) ? bare : null;
    }
}
