namespace PackGuard.Inspectors.Files;

/// <summary>A remote of a Git repository, its URL stripped of credentials.</summary>
/// <param name="Name">The remote's name (<c>origin</c>).</param>
/// <param name="Url">The URL without any user name or password.</param>
/// <param name="HadCredentials">The URL carried a password or token (<c>https://user:token@host/...</c>, <c>https://ghp_...@github.com/...</c>).</param>
internal sealed record GitRemote(string Name, string Url, bool HadCredentials);

/// <summary>Reads the <c>[remote "name"]</c> sections of a <c>.git/config</c>.</summary>
internal static class GitRemotes
{
    public static IReadOnlyList<GitRemote> Read(string text)
    {
        var remotes = new List<GitRemote>();
        string? remote = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                remote = line.Length > 10 && line.StartsWith("[remote \"", StringComparison.Ordinal) && line.EndsWith("\"]", StringComparison.Ordinal) ? line[9..^2] : null;
                continue;
            }
            if (remote is null || remotes.Count >= 20)
                continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && line[..equals].Trim() is "url" or "pushurl")
            {
                var (url, credentials) = Strip(ConfigLines.Unquote(line[(equals + 1)..].Trim()));
                remotes.Add(new GitRemote(remote, url, credentials));
            }
        }
        return remotes;
    }

    /// <summary>Removes the user-info part of a URL; a user name alone (<c>git@</c>, <c>user@</c> on ssh) is not a credential.</summary>
    internal static (string Url, bool HadCredentials) Strip(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return (url, false); // scp form: git@github.com:acme/x.git names a user, never a password
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], scheme + 3);
        var authority = authorityEnd < 0 ? url[(scheme + 3)..] : url[(scheme + 3)..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at < 0)
            return (url, false);
        var userInfo = authority[..at];
        var isHttp = url.StartsWith("http", StringComparison.OrdinalIgnoreCase);
        // https://TOKEN@github.com/... is how CI systems embed tokens; on ssh a bare user is just a login name.
        var credentials = userInfo.Contains(':', StringComparison.Ordinal) || (isHttp && userInfo.Length >= 20);
        var rest = authorityEnd < 0 ? "" : url[authorityEnd..];
        return (url[..(scheme + 3)] + authority[(at + 1)..] + rest, credentials);
    }
}
