using System.Text.RegularExpressions;
using PackGuard.Inspectors.Secrets.Engine;

namespace PackGuard.Inspectors.Files;

/// <summary>What an environment file sets: how many values, and which keys hold credential-like ones.</summary>
/// <param name="Assignments">Keys assigned at all.</param>
/// <param name="Values">Keys with a non-empty value.</param>
/// <param name="CredentialKeys">Keys whose value looks like a live credential (names only, never values).</param>
internal sealed record EnvContent(int Assignments, int Values, IReadOnlyList<string> CredentialKeys);

/// <summary>
/// Reads <c>.env</c> files. A value counts as a credential when its key names one (<c>*_TOKEN</c>,
/// <c>*_SECRET</c>, <c>PASSWORD</c>, <c>API_KEY</c>, ...) and the value is neither a placeholder nor
/// a development default, or when it is a URL with a password for a host that is not this machine.
/// Keys the key itself calls public (<c>NEXT_PUBLIC_*</c>, <c>*_PUBLIC_KEY</c>) are settings.
/// </summary>
internal static class EnvFiles
{
    private static readonly string[] SecretWords =
        ["KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "PWD", "PASS", "AUTH", "CREDENTIAL", "CREDENTIALS", "PRIVATE", "DSN", "SALT"];

    private static readonly string[] SecretEndings = ["KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD"];

    private static readonly Regex UrlCredential = RegexSafety.Create("^[a-z][a-z0-9+.-]+://[^\\s/:@]*:([^\\s/@]+)@([^\\s/:?#]+)", RegexOptions.IgnoreCase);

    /// <summary>Reads the file's text.</summary>
    public static EnvContent Read(string text)
    {
        var assignments = 0;
        var values = 0;
        var credentials = new List<string>();
        foreach (var (key, value) in ConfigLines.Assignments(text))
        {
            if (!IsVariableName(key))
                continue;
            assignments++;
            if (value.Length == 0)
                continue;
            values++;
            if ((IsSecretName(key) && LooksLikeSecret(value)) || HasUrlCredential(value))
            {
                if (credentials.Count < 50 && !credentials.Contains(key, StringComparer.Ordinal))
                    credentials.Add(key);
            }
        }
        return new EnvContent(assignments, values, credentials);
    }

    /// <summary><c>DATABASE_URL</c>, <c>api.key</c>: not a sentence that happens to hold an equals sign.</summary>
    private static bool IsVariableName(string key) =>
        key.Length <= 128 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    internal static bool IsSecretName(string key)
    {
        var words = key.ToUpperInvariant().Split(['_', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Contains("PUBLIC") || words.Contains("PUBLISHABLE"))
            return false;
        return words.Any(w => SecretWords.Contains(w) || SecretEndings.Any(e => w.Length > e.Length && w.EndsWith(e, StringComparison.Ordinal)));
    }

    /// <summary>
    /// A value worth protecting: real (see <see cref="CredentialValues"/>), and not a number, a
    /// plain word, a path, a URL without a password or a host name (<c>AUTH_DOMAIN=acme.auth0.com</c>).
    /// </summary>
    private static bool LooksLikeSecret(string value) =>
        CredentialValues.IsReal(value) && !long.TryParse(value, out _) && (value.Length >= 12 || Entropy.Of(value) >= 3.0) &&
        !IsPathOrAddress(value);

    private static bool IsPathOrAddress(string value)
    {
        if (value[0] is '/' or '~' || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal) ||
            (value.Length > 2 && value[1] == ':' && value[2] is '\\' or '/') || value.Contains("://", StringComparison.Ordinal))
            return true;
        var lastDot = value.LastIndexOf('.');
        return lastDot > 0 && lastDot < value.Length - 1 && value[(lastDot + 1)..].All(char.IsAsciiLetterLower) &&
            value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '@');
    }

    /// <summary><c>postgres://app:S3cret@db.acme.io/app</c>, but not a password for localhost or a compose service.</summary>
    private static bool HasUrlCredential(string value)
    {
        var match = UrlCredential.Match(value);
        if (!match.Success || !CredentialValues.IsReal(match.Groups[1].Value))
            return false;
        var host = match.Groups[2].Value.ToLowerInvariant();
        return host.Contains('.', StringComparison.Ordinal) && host != "host.docker.internal" &&
            !host.StartsWith("127.", StringComparison.Ordinal) && host != "0.0.0.0";
    }
}
