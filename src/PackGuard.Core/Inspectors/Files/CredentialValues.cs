using PackGuard.Inspectors.Secrets.Engine;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Tells a value that could be a live credential from configuration that only names one: empty
/// values, environment references (<c>${NPM_TOKEN}</c>, <c>$TOKEN</c>, <c>%TOKEN%</c>),
/// placeholders (<c>&lt;your-token&gt;</c>, <c>xxxx</c>) and the default passwords of local
/// development databases are not credentials worth a high finding.
/// </summary>
internal static class CredentialValues
{
    private static readonly HashSet<string> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passw0rd", "postgres", "root", "admin", "secret", "test", "testing", "guest", "mysql", "user",
        "default", "dev", "development", "local", "localhost", "pass", "123456", "12345678", "qwerty", "letmein",
        "docker", "demo", "changeit", "null", "none", "true", "false", "undefined",
    };

    /// <summary>Whether the value could be a live credential.</summary>
    public static bool IsReal(string value)
    {
        var v = value.Trim().Trim('"', '\'').Trim();
        if (v.Length < 4 || v[0] == '$' || v.Contains("${", StringComparison.Ordinal) || (v[0] == '%' && v[^1] == '%'))
            return false;
        return !Defaults.Contains(v) && !Placeholders.IsPlaceholder(v);
    }
}
