namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// Home-directory paths that name a person: <c>/home/&lt;user&gt;/</c>, <c>/Users/&lt;user&gt;/</c>
/// (macOS), <c>C:\Users\&lt;user&gt;\</c> (also written <c>C:/Users/</c> or JSON-escaped
/// <c>C:\\Users\\</c>). Not the accounts of CI runners, containers and cloud images
/// (<c>/home/runner</c>, <c>/home/node</c>, <c>/home/ubuntu</c>), system folders
/// (<c>/Users/Shared</c>), and not the placeholders documentation uses (<c>/home/user</c>,
/// <c>/Users/you</c>, <c>/home/alice</c>).
/// </summary>
internal static class HomePaths
{
    private const int MaxUser = 32;

    private static readonly HashSet<string> NotPeople = new(StringComparer.OrdinalIgnoreCase)
    {
        // CI runners and build agents
        "runner", "runneradmin", "vsts", "vssadministrator", "circleci", "distiller", "travis", "jenkins", "buildkite-agent",
        "gitlab-runner", "appveyor", "buildbot", "builder", "build", "ci", "agent", "bitrise", "semaphore", "cirrus", "teamcity",
        "expo", "vercel", "sbx_user1051", "codebuild",
        // container, cloud and dev-environment defaults
        "node", "app", "ubuntu", "debian", "centos", "fedora", "ec2-user", "opc", "azureuser", "cloud-user", "vagrant", "pi",
        "docker", "linuxbrew", "codespace", "gitpod", "vscode", "coder", "devcontainer", "jovyan", "deno", "bun", "nobody",
        "www-data", "git", "postgres", "mysql", "root", "admin", "administrator", "default", "defaultapppool", "public", "shared",
        "guest", "all users", "default user", "localservice", "networkservice", "systemprofile",
        // placeholders
        "user", "users", "username", "user-name", "user_name", "yourname", "your-name", "your_name", "yourusername", "your-username",
        "you", "me", "myuser", "myname", "my-user", "name", "someone", "somebody", "somewhere", "example", "test", "testuser",
        "tester", "dev", "developer", "foo", "bar", "baz", "john", "jane", "johndoe", "john.doe", "jdoe", "janedoe", "jane.doe",
        "alice", "bob", "carol", "dave", "eve", "joe", "jsmith", "xxx", "x", "xyz", "abc", "anonymous", "anon", "nonexistent",
        "nonexistent-user", "nouser", "fake", "dummy", "sample", "demo", "project", "projects", "workspace", "home", "path", "to",
        "directory", "folder", "dir", "src", "code", "repo", "work", "node_modules", "bin", "lib", "share", "local",
    };

    /// <summary>The home-path anchors, lower case, as the matcher finds them.</summary>
    public static readonly string[] Anchors = ["/home/", "/users/", "\\users\\"];

    /// <summary>
    /// Reads the home directory at an anchor: <paramref name="anchor"/> is the index of the anchor in
    /// <paramref name="text"/>. Returns the home directory as written (<c>/Users/zeeg/</c>) and
    /// the user name, or null.
    /// </summary>
    public static (string Home, string User)? Read(ReadOnlySpan<char> text, int anchor)
    {
        var rest = text[anchor..];
        if (rest.StartsWith("/home/", StringComparison.Ordinal))
            return Unix(text, anchor, 6, "/home/");
        if (rest.StartsWith("/Users/", StringComparison.Ordinal))
            return Unix(text, anchor, 7, "/Users/") ?? WindowsForward(text, anchor);
        if (rest.StartsWith("/users/", StringComparison.OrdinalIgnoreCase))
            return WindowsForward(text, anchor);
        return rest.StartsWith("\\users\\", StringComparison.OrdinalIgnoreCase) ? Windows(text, anchor) : null;
    }

    /// <summary><c>/home/x/</c>: a path that starts here, not a URL path segment (<c>example.com/home/x</c>).</summary>
    private static (string, string)? Unix(ReadOnlySpan<char> text, int anchor, int length, string root)
    {
        if (anchor > 0 && text[anchor - 1] is var before && (char.IsAsciiLetterOrDigit(before) || before is '.' or '_' or '-' or '~' or '$' or '%'))
            return null;
        if (anchor > 1 && text[anchor - 1] == ':' && char.IsAsciiLetter(text[anchor - 2]))
            return null; // C:/home/... is not a Unix home
        var user = UserAt(text, anchor + length, allowSpace: false);
        return user is null ? null : (root + user + "/", user);
    }

    /// <summary><c>C:/Users/x/</c>, as Node and bundlers often write Windows paths.</summary>
    private static (string, string)? WindowsForward(ReadOnlySpan<char> text, int anchor)
    {
        if (anchor < 2 || text[anchor - 1] != ':' || !IsDrive(text, anchor - 2))
            return null;
        var user = UserAt(text, anchor + 7, allowSpace: true);
        return user is null ? null : ($"{char.ToUpperInvariant(text[anchor - 2])}:/Users/{user}/", user);
    }

    /// <summary><c>C:\Users\x\</c>, or escaped in a string: <c>C:\\Users\\x\\</c>.</summary>
    private static (string, string)? Windows(ReadOnlySpan<char> text, int anchor)
    {
        var drive = anchor - 2;
        if (anchor >= 3 && text[anchor - 1] == '\\' && text[anchor - 2] == ':')
            drive = anchor - 3; // the anchor is the second backslash of "\\"
        else if (anchor < 2 || text[anchor - 1] != ':')
            return null;
        if (drive < 0 || !IsDrive(text, drive))
            return null;
        var start = anchor + 7;
        if (start < text.Length && text[start] == '\\')
            start++;
        var user = UserAt(text, start, allowSpace: true, separator: '\\');
        return user is null ? null : ($"{char.ToUpperInvariant(text[drive])}:\\Users\\{user}\\", user);
    }

    /// <summary>A drive letter: one letter, not the end of a word (<c>bin:/Users/x</c> is a PATH list, not drive N).</summary>
    private static bool IsDrive(ReadOnlySpan<char> text, int at) =>
        char.IsAsciiLetter(text[at]) && (at == 0 || !(char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or '_' or '-'));

    /// <summary>A user name at <paramref name="start"/>, ended by the separator, or null for none, a placeholder or a service account.</summary>
    private static string? UserAt(ReadOnlySpan<char> text, int start, bool allowSpace, char separator = '/')
    {
        var end = start;
        while (end < text.Length && end - start <= MaxUser && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_' or '-' || (allowSpace && text[end] == ' ')))
            end++;
        if (end == start || end - start > MaxUser || end >= text.Length || (text[end] != separator && !(separator == '/' && text[end] == '\\')))
            return null;
        var user = text[start..end].ToString();
        // user1, test2, foo3: numbered placeholders.
        if (user[0] is '.' or '-' or ' ' || user[^1] == ' ' || user.All(char.IsAsciiDigit) || NotPeople.Contains(user.TrimEnd("0123456789".ToCharArray())))
            return null;
        return user;
    }
}
