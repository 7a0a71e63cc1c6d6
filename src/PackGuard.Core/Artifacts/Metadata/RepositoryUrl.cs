namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// Turns the many ways manifests name a source repository into one browsable URL:
/// <c>user/repo</c>, <c>github:user/repo</c>, <c>git+https://…/repo.git</c>, <c>git://…</c>,
/// <c>git+ssh://git@host/…</c> and <c>git@host:user/repo.git</c> all become
/// <c>https://host/user/repo</c>. Credentials embedded in a URL are dropped: they must never
/// reach a report.
/// </summary>
internal static class RepositoryUrl
{
    private static readonly (string Prefix, string Host)[] Shorthands =
    [
        ("github:", "github.com"),
        ("gitlab:", "gitlab.com"),
        ("bitbucket:", "bitbucket.org"),
        ("gist:", "gist.github.com"),
    ];

    private static readonly string[] KnownHosts = ["github.com", "gitlab.com", "bitbucket.org", "gist.github.com"];

    /// <summary>An npm <c>repository</c> string, shorthands included.</summary>
    public static string? FromNpm(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        foreach (var (prefix, host) in Shorthands)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return Join("https", host, StripFragment(value[prefix.Length..]));
        }
        if (IsUserRepo(StripFragment(value)))
            return Join("https", "github.com", StripFragment(value));
        return Normalize(value);
    }

    /// <summary>A repository URL in any git form, or <see langword="null"/> when it is not one.</summary>
    public static string? Normalize(string? text)
    {
        var value = StripFragment(text?.Trim() ?? "");
        if (value.Length == 0 || value.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase))
            return null;
        if (value.StartsWith("git+", StringComparison.OrdinalIgnoreCase))
            value = value[4..];
        if (!value.Contains("://", StringComparison.Ordinal) && ScpHost(value) is { } scp)
            return Join("https", scp.Host, scp.Path);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            // ssh://git@github.com:user/repo: an scp-style path after a URL scheme, which npm accepts.
            var afterScheme = value.IndexOf("://", StringComparison.Ordinal);
            return afterScheme > 0 && value[..afterScheme].ToLowerInvariant() is "ssh" or "git" && ScpHost(value[(afterScheme + 3)..]) is { } sshScp
                ? Join("https", sshScp.Host, sshScp.Path)
                : null;
        }
        var scheme = uri.Scheme.ToLowerInvariant() switch
        {
            "git" or "ssh" => "https",
            "http" when KnownHosts.Contains(uri.Host.ToLowerInvariant()) => "https",
            "http" or "https" => uri.Scheme.ToLowerInvariant(),
            _ => null,
        };
        if (scheme is null)
            return null;
        var host = scheme == "https" && uri.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase) && !uri.IsDefaultPort
            ? $"{uri.Host}:{uri.Port}"
            : uri.Host;
        return Join(scheme, host, Uri.UnescapeDataString(uri.AbsolutePath));
    }

    /// <summary><c>git@github.com:user/repo.git</c> → host and path.</summary>
    private static (string Host, string Path)? ScpHost(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return null;
        var authority = value[..colon];
        var at = authority.LastIndexOf('@');
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        if (!host.Contains('.', StringComparison.Ordinal) || host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')))
            return null;
        return (host, value[(colon + 1)..]);
    }

    private static bool IsUserRepo(string value)
    {
        var parts = value.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
    }

    private static string StripFragment(string value)
    {
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? value[..hash] : value;
    }

    private static string Join(string scheme, string host, string path)
    {
        path = path.Trim().Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
            path = path[..^4];
        return path.Length == 0 ? $"{scheme}://{host.ToLowerInvariant()}" : $"{scheme}://{host.ToLowerInvariant()}/{path}";
    }
}
