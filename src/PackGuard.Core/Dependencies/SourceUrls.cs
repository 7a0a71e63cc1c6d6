namespace PackGuard.Dependencies;

/// <summary>Small facts about URLs as lockfiles write them.</summary>
internal static class SourceUrls
{
    /// <summary>
    /// The URL without a <c>user:password@</c> part: lockfiles and configuration sometimes carry a
    /// token in the URL, and PackGuard never repeats a credential.
    /// </summary>
    public static string WithoutCredentials(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return url;
        var hostStart = scheme + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], hostStart);
        var authority = pathStart < 0 ? url[hostStart..] : url[hostStart..pathStart];
        var at = authority.LastIndexOf('@');
        if (at < 0)
            return url;
        return url[..hostStart] + authority[(at + 1)..] + (pathStart < 0 ? "" : url[pathStart..]);
    }

    /// <summary>Whether <paramref name="text"/> is an http or https URL.</summary>
    public static bool IsHttp(string text) =>
        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="text"/> names a git repository (<c>git+...</c>, <c>git://</c>, <c>git@host:</c>, <c>github:</c> and the like).</summary>
    public static bool IsGit(string text) =>
        text.StartsWith("git+", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("git@", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("github:", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("gitlab:", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("bitbucket:", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("gist:", StringComparison.OrdinalIgnoreCase)
        || (IsHttp(text) && (text.Contains(".git#", StringComparison.Ordinal) || text.EndsWith(".git", StringComparison.Ordinal)));
}
