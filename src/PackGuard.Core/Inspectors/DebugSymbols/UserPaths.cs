using System.Text.RegularExpressions;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>
/// Finds home directories in build paths (<c>/home/&lt;user&gt;/</c>, <c>/Users/&lt;user&gt;/</c>,
/// <c>C:\Users\&lt;user&gt;\</c>) and tells a person's account from a build service's: a path under
/// <c>/home/runner/</c> says the package was built on a CI runner, one under <c>/Users/jane/</c>
/// names the person whose machine built it.
/// </summary>
internal static class UserPaths
{
    // The home must start the path or follow a separator (a quote, space, '=' or a compiler flag
    // such as -I), so that a URL path like https://host/home/x/ is not taken for one. Windows
    // spells its profile directory in any case.
    private static readonly Regex Home = RegexSafety.Create(
        """(?:^|[\s"'=;,(@*]|-[IL])(?:/home/|/Users/|/mnt/[a-z]/Users/|[A-Za-z]:[\\/](?i:Users|Documents and Settings)[\\/])(?<user>[^\\/\x00-\x1F:*?"<>|]{1,64})[\\/]""");

    /// <summary>
    /// Accounts of build services, images and operating-system defaults. A path under one of them
    /// names no person; the services' documented build directories are the reason each is here.
    /// </summary>
    private static readonly HashSet<string> ServiceAccounts = new(StringComparer.OrdinalIgnoreCase)
    {
        "runner", "runneradmin", "vsts", "vsts_azpcontainer", "VssAdministrator", "AzDevOps", "cloudtest",
        "circleci", "distiller", "travis", "jenkins", "gitlab-runner", "buildkite-agent", "appveyor",
        "builder", "build", "buildbot", "buildagent", "agent", "teamcity", "bamboo", "azureuser",
        "ubuntu", "ec2-user", "vagrant", "docker", "conda", "abuild", "buildozer", "mockbuild", "builduser", "buildd", "pbuilder",
        "admin", "administrator", "ContainerAdministrator", "ContainerUser", "user", "root",
        "Default", "Default User", "Public", "All Users", "Shared",
    };

    /// <summary>Every home directory in <paramref name="text"/>, with the account it belongs to.</summary>
    public static IEnumerable<UserPath> Find(string text)
    {
        if (text.Length < 8 || !MayContainHome(text))
            yield break;
        foreach (Match match in Home.Matches(text))
        {
            var user = match.Groups["user"].Value.Trim();
            if (user.Length == 0 || !IsAccountName(user))
                continue;
            yield return new UserPath(user, IsServiceAccount(user), text);
        }
    }

    /// <summary>
    /// A service account, also under its 8.3 short name (Windows writes C:\Users\CLOUDT~1\ for
    /// C:\Users\cloudtest\ in temporary paths).
    /// </summary>
    private static bool IsServiceAccount(string user)
    {
        if (ServiceAccounts.Contains(user))
            return true;
        var tilde = user.IndexOf('~', StringComparison.Ordinal);
        return tilde is > 0 and <= 6 && user[(tilde + 1)..].All(char.IsAsciiDigit) && user.Length > tilde + 1
            && ServiceAccounts.Any(a => a.Length > tilde && a.StartsWith(user[..tilde], StringComparison.OrdinalIgnoreCase));
    }

    // Cheap before the regex: most strings in a binary are no path at all.
    private static bool MayContainHome(string text) =>
        text.Contains("/home/", StringComparison.Ordinal) || text.Contains("Users", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Documents and Settings", StringComparison.OrdinalIgnoreCase);

    // Placeholders ($USER, %USERNAME%, {user}, <name>) and dotted parts are no account.
    private static bool IsAccountName(string user) =>
        user[0] is not ('$' or '%' or '{' or '<' or '.' or '~' or '-') && user.Any(char.IsLetterOrDigit);
}

/// <summary>A home directory found in a path.</summary>
/// <param name="User">The account name, as the path spells it.</param>
/// <param name="ServiceAccount">The account is a build service's or an operating system's, not a person's.</param>
/// <param name="Path">The whole path (or string) it was found in.</param>
internal readonly record struct UserPath(string User, bool ServiceAccount, string Path);

/// <summary>
/// The home directories one symbol file reveals, bounded: a PDB can name thousands of documents
/// under the same home, and the report needs the accounts, a count and a few examples.
/// </summary>
internal sealed class UserPathSet
{
    private const int MaxAccounts = 32;
    private const int MaxExamples = 3;
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    /// <summary>Looks for home directories in one path and records them, noting where the path came from.</summary>
    public void Scan(string path, string origin)
    {
        foreach (var found in UserPaths.Find(path))
            Add(found, origin);
    }

    /// <summary>Records one home directory.</summary>
    public void Add(UserPath found, string origin)
    {
        if (!_accounts.TryGetValue(found.User, out var account))
        {
            if (_accounts.Count >= MaxAccounts)
                return;
            account = new Account(found.User, found.ServiceAccount);
            _accounts.Add(found.User, account);
        }
        account.Paths++;
        account.Origins.Add(origin);
        if (account.Examples.Count < MaxExamples && !account.Examples.Contains(found.Path))
            account.Examples.Add(found.Path.Length > 260 ? found.Path[..260] + "..." : found.Path);
    }

    /// <summary>Accounts of people (not build services), most paths first.</summary>
    public IReadOnlyList<Account> People => [.. _accounts.Values.Where(a => !a.ServiceAccount).OrderByDescending(a => a.Paths).ThenBy(a => a.User, StringComparer.Ordinal)];

    /// <summary>Accounts of build services and operating-system defaults.</summary>
    public IReadOnlyList<Account> Services => [.. _accounts.Values.Where(a => a.ServiceAccount).OrderBy(a => a.User, StringComparer.Ordinal)];

    /// <summary>One account and what was seen of it.</summary>
    internal sealed class Account(string user, bool serviceAccount)
    {
        public string User { get; } = user;
        public bool ServiceAccount { get; } = serviceAccount;
        public long Paths { get; set; }
        public SortedSet<string> Origins { get; } = new(StringComparer.Ordinal);
        public List<string> Examples { get; } = [];
    }
}
