using System.Text;
using PackGuard.Inspectors.Secrets.Engine;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Tells a password in a connection string, URL or Basic header that someone could use from what
/// documentation, tests and local setups carry far more often: default and sample passwords
/// (<c>postgres:postgres</c>, <c>myPassword</c>, <c>admin123</c>), a password equal to the user
/// name, words, and servers only reachable on the developer's own machine (localhost, docker
/// service names, example domains). Those are dropped (the rules use
/// <see cref="SecretRule.DiscardInvalid"/>); what is left is reported at the rule's confidence.
/// </summary>
internal sealed class ConnectionPasswordFilter : ISecretFilter
{
    /// <summary>How the matched text is laid out.</summary>
    public enum Shape
    {
        /// <summary><c>user:password@host</c>, the authority of a URL.</summary>
        UrlAuthority,

        /// <summary>A whole JDBC URL with <c>password=</c> (or Oracle's <c>user/password@host</c>).</summary>
        Jdbc,

        /// <summary>An ADO.NET or ODBC connection string: <c>key=value;</c> pairs.</summary>
        ConnectionString,

        /// <summary>The base64 of <c>user:password</c>, from a Basic authorization header.</summary>
        BasicCredentials,
    }

    public static readonly ISecretValidator Url = new ConnectionPasswordFilter(Shape.UrlAuthority);
    public static readonly ISecretValidator Jdbc = new ConnectionPasswordFilter(Shape.Jdbc);
    public static readonly ISecretValidator ConnectionString = new ConnectionPasswordFilter(Shape.ConnectionString);
    public static readonly ISecretValidator Basic = new ConnectionPasswordFilter(Shape.BasicCredentials);

    // Passwords that setup guides, docker images and tutorials use; also with digits after them.
    private static readonly HashSet<string> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "admin", "administrator", "root", "toor", "guest", "user", "test",
        "tester", "testing", "demo", "example", "sample", "default", "changeme", "changeit", "letmein", "qwerty", "welcome",
        "postgres", "postgresql", "mysql", "mariadb", "mongo", "mongodb", "redis", "rabbit", "rabbitmq", "sa", "oracle",
        "tiger", "scott", "dbpass", "dbpassword", "mypass", "mypassword", "mysecret", "mysecretpassword", "secretpassword",
        "supersecret", "topsecret", "foo", "bar", "foobar", "baz", "abc", "abcdef", "qwertyuiop", "asdf", "asdfgh", "docker",
        "dev", "development", "local", "localhost", "prod", "production", "staging", "app", "application", "service",
        "pa55word", "passw0rd", "p4ssw0rd", "p4ssword", "hunter", "hunter2", "ftp", "anonymous", "ldap", "smtp", "mail",
        "username", "login", "master", "masterkey", "strongpassword", "keycloak", "minio", "minioadmin", "elastic", "changeme123",
    };

    private static readonly string[] SampleFragments = ["passw", "p@ss", "pa$$", "secret", "example", "sample", "dummy", "changeme", "placeholder", "mypass", "yourpass", "strong", "<", ">", "${", "{{", "%s", "%(", "#{", "$(", "***"];

    private static readonly string[] LocalSuffixes = [".local", ".localhost", ".test", ".example", ".invalid", ".internal", ".lan", ".home", ".localdomain", "example.com", "example.org", "example.net", "domain.com", "host.com", "server.com", "company.com", "yourdomain.com", "mydomain.com", "acme.com", "contoso.com"];

    private readonly Shape _shape;

    private ConnectionPasswordFilter(Shape shape)
    {
        _shape = shape;
    }

    public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

    private Validation Check(string secret)
    {
        var parts = _shape switch
        {
            Shape.UrlAuthority => FromAuthority(secret),
            Shape.Jdbc => FromJdbc(secret),
            Shape.ConnectionString => FromConnectionString(secret),
            _ => FromBasic(secret),
        };
        if (parts is not var (user, password, host))
            return Validation.Invalid("no user and password in it");
        if (WhyNotUsable(user, password) is { } reason)
            return Validation.Invalid(reason);
        if (host is not null && IsLocalOrExample(host))
            return Validation.Invalid("a server on the developer's own machine or an example host");
        return Validation.NotChecked;
    }

    /// <summary>Why this password would not be a usable credential, or null when it could be one.</summary>
    internal static string? WhyNotUsable(string? user, string password)
    {
        password = Uri.UnescapeDataString(password).Trim();
        if (password.Length < 6)
            return "a password too short to be real";
        var lower = password.ToLowerInvariant();
        var bare = lower.TrimEnd("0123456789!@#.-_".ToCharArray()).TrimStart("0123456789".ToCharArray());
        if (Defaults.Contains(lower) || Defaults.Contains(bare) || (user is { Length: > 0 } && (lower == user.ToLowerInvariant() || bare == user.ToLowerInvariant())))
            return "a default password";
        if (SampleFragments.Any(f => lower.Contains(f, StringComparison.Ordinal)))
            return "a sample or template password";
        if (password.All(char.IsAsciiLetter) || password.All(char.IsAsciiDigit))
            return "a word or a number, as in examples";
        if (password[0] is '$' or '%' or '{' or '[' or '(' or '@' || lower.StartsWith("env:", StringComparison.Ordinal))
            return "a template or variable reference";
        if (Entropy.Of(password) < 2.5)
            return "a password of too few distinct characters";
        return null;
    }

    internal static bool IsLocalOrExample(string host)
    {
        host = host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (host.StartsWith("tcp:", StringComparison.Ordinal))
            host = host[4..];
        var cut = host.IndexOfAny([',', '\\']);
        if (cut >= 0)
            host = host[..cut];
        if (host.Length == 0 || host is "." or "(local)" or "::1" or "0.0.0.0" or "host.docker.internal" || host.StartsWith("(localdb)", StringComparison.Ordinal))
            return true;
        if (host.StartsWith("127.", StringComparison.Ordinal) || host.StartsWith("localhost", StringComparison.Ordinal))
            return true;
        // A single-label name (db, postgres, mongo) is a docker-compose or cluster service name.
        if (!host.Contains('.', StringComparison.Ordinal))
            return true;
        return LocalSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal));
    }

    private static (string? User, string Password, string? Host)? FromAuthority(string authority)
    {
        var at = authority.LastIndexOf('@');
        var colon = authority.IndexOf(':');
        if (at < 0 || colon < 0 || colon > at)
            return null;
        var host = authority[(at + 1)..];
        var port = host.IndexOf(':');
        return (authority[..colon], authority[(colon + 1)..at], port < 0 ? host : host[..port]);
    }

    private static (string? User, string Password, string? Host)? FromJdbc(string url)
    {
        const string OracleThin = "jdbc:oracle:thin:";
        if (url.StartsWith(OracleThin, StringComparison.OrdinalIgnoreCase) && !url.Contains("password=", StringComparison.OrdinalIgnoreCase))
        {
            var rest = url[OracleThin.Length..];
            var slash = rest.IndexOf('/');
            var at = rest.LastIndexOf('@');
            if (slash <= 0 || at < slash)
                return null;
            var target = rest[(at + 1)..].TrimStart('/');
            return (rest[..slash], rest[(slash + 1)..at], target.Split(':', '/')[0]);
        }
        var hostStart = url.IndexOf("//", StringComparison.Ordinal) + 2;
        var hostEnd = url.IndexOfAny([':', '/', ';', '?', ','], hostStart);
        var host = hostStart < 2 ? null : url[hostStart..(hostEnd < 0 ? url.Length : hostEnd)];
        var pairs = Pairs(url, '&', ';', '?');
        var password = pairs.LastOrDefault(p => p.Key is "password" or "pwd").Value;
        var user = pairs.LastOrDefault(p => p.Key is "user" or "username").Value;
        return password is null ? null : (user, password, host);
    }

    private static (string? User, string Password, string? Host)? FromConnectionString(string text)
    {
        var pairs = Pairs(text, ';');
        var password = pairs.LastOrDefault(p => p.Key is "password" or "pwd").Value;
        var user = pairs.LastOrDefault(p => p.Key is "user id" or "userid" or "uid" or "user" or "username" or "user name").Value;
        var host = pairs.FirstOrDefault(p => p.Key is "server" or "data source" or "datasource" or "host" or "hostname" or "address" or "addr" or "network address").Value;
        return password is null ? null : (user, password, host);
    }

    private static (string? User, string Password, string? Host)? FromBasic(string base64)
    {
        if (!Base64Text.TryDecode(base64, out var bytes) || bytes.Length == 0)
            return null;
        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':');
        if (colon <= 0 || text.Any(c => char.IsControl(c)))
            return null;
        return (text[..colon], text[(colon + 1)..], null);
    }

    private static List<KeyValuePair<string, string>> Pairs(string text, params char[] separators)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var item in text.Split(separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = item.IndexOf('=');
            if (equals > 0)
                pairs.Add(new(item[..equals].Trim().ToLowerInvariant(), item[(equals + 1)..].Trim()));
        }
        return pairs;
    }
}
