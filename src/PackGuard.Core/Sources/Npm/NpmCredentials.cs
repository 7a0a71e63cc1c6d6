using System.Net.Http.Headers;
using System.Text;
using PackGuard.Sources.Http;

namespace PackGuard.Sources.Npm;

/// <summary>
/// Credentials npm would send for one registry prefix (a "nerf dart" such as
/// <c>//npm.example.com/repo/</c>). The secret stays inside <see cref="Header"/>; nothing here
/// prints it.
/// </summary>
internal sealed class NpmCredentials
{
    private readonly AuthenticationHeaderValue? _header;

    private NpmCredentials(string prefix, string source, AuthenticationHeaderValue? header, string? problem)
    {
        Prefix = prefix;
        Source = source;
        _header = header;
        Problem = problem;
    }

    /// <summary>The <c>//host/path/</c> prefix the credentials are configured for.</summary>
    public string Prefix { get; }

    /// <summary>The file or environment the credentials came from.</summary>
    public string Source { get; }

    /// <summary>Why the credentials cannot be used, when they cannot; safe to show.</summary>
    public string? Problem { get; }

    /// <summary>The Authorization header to send, or <see langword="null"/> when the settings are unusable.</summary>
    public AuthenticationHeaderValue? Header => Problem is null ? _header : null;

    /// <summary>Builds credentials from the settings found under one prefix (token beats _auth beats username/password).</summary>
    public static NpmCredentials Create(string prefix, string source, string? token, string? auth, string? username, string? password)
    {
        if (token is not null)
            return Checked(prefix, source, token, HttpAuth.Bearer(token));
        if (auth is not null)
            return Checked(prefix, source, auth, new AuthenticationHeaderValue("Basic", auth));
        if (username is not null && password is not null)
        {
            // npm stores _password base64-encoded.
            if (!TryDecodeBase64(password, out var decoded))
                return new NpmCredentials(prefix, source, null, $"the _password for {prefix} is not base64");
            return Checked(prefix, source, username + decoded, HttpAuth.Basic(username, decoded));
        }
        return new NpmCredentials(prefix, source, null, $"{prefix} has a username without a _password (or the reverse)");
    }

    public override string ToString() => $"credentials for {Prefix} from {Source}";

    private static NpmCredentials Checked(string prefix, string source, string secret, AuthenticationHeaderValue header)
    {
        // npm leaves ${VAR} in place when VAR is unset; sending that literal would only earn a 401.
        var problem = secret.Contains("${", StringComparison.Ordinal)
            ? $"the credentials for {prefix} in {source} refer to an environment variable that is not set"
            : null;
        return new NpmCredentials(prefix, source, header, problem);
    }

    private static bool TryDecodeBase64(string text, out string decoded)
    {
        var buffer = new byte[text.Length];
        var ok = Convert.TryFromBase64String(text, buffer, out var written);
        decoded = ok ? Encoding.UTF8.GetString(buffer, 0, written) : "";
        return ok;
    }
}
