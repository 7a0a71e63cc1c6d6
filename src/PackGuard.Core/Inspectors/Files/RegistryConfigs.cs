using System.Text.RegularExpressions;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Package-manager and tool configurations that can hold registry credentials: which file is
/// which, and which credentials a file really holds. A key with an empty value, an environment
/// reference (<c>${NPM_TOKEN}</c>) or a placeholder is configuration, not a credential.
/// </summary>
internal static class RegistryConfigs
{
    private static readonly Regex XmlAdd = RegexSafety.Create("<add\\s[^>]*>", RegexOptions.IgnoreCase);
    private static readonly Regex XmlKey = RegexSafety.Create("\\bkey\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase);
    private static readonly Regex XmlValue = RegexSafety.Create("\\bvalue\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase);
    private static readonly Regex UrlPassword = RegexSafety.Create("[a-z][a-z0-9+.-]+://([^\\s/:@\"'<>]+):([^\\s/@\"'<>]+)@", RegexOptions.IgnoreCase);

    /// <summary>The kind of configuration the file is, or null.</summary>
    public static string? Kind(string lower, string innerPath) => lower switch
    {
        ".npmrc" => UnwantedKinds.Npmrc,
        ".yarnrc" or ".yarnrc.yml" or ".yarnrc.yaml" => UnwantedKinds.Yarnrc,
        ".pypirc" => UnwantedKinds.Pypirc,
        "pip.conf" or "pip.ini" => UnwantedKinds.PipConf,
        "nuget.config" => UnwantedKinds.NuGetConfig,
        ".netrc" or "_netrc" => UnwantedKinds.Netrc,
        "credentials" or "credentials.toml" when innerPath.Contains(".cargo/", StringComparison.OrdinalIgnoreCase) => UnwantedKinds.CargoCredentials,
        "credentials" when innerPath.Contains(".gem/", StringComparison.OrdinalIgnoreCase) => UnwantedKinds.GemCredentials,
        _ => null,
    };

    /// <summary>What the file is, as a clause after "it".</summary>
    public static string Describe(string kind) => kind switch
    {
        UnwantedKinds.Npmrc => "is an npm configuration (.npmrc), where registry tokens are kept",
        UnwantedKinds.Yarnrc => "is a Yarn configuration, where registry tokens are kept",
        UnwantedKinds.Pypirc => "is a PyPI upload configuration (.pypirc), where upload passwords and tokens are kept",
        UnwantedKinds.PipConf => "is a pip configuration, whose index URLs can carry passwords",
        UnwantedKinds.NuGetConfig => "is a NuGet configuration, where feed credentials and API keys are kept",
        UnwantedKinds.Netrc => "is a .netrc, which holds logins and passwords for hosts",
        UnwantedKinds.CargoCredentials => "is Cargo's credentials file, which holds a crates.io token",
        _ => "is RubyGems' credentials file, which holds an API key",
    };

    /// <summary>The credentials the file holds, by the key that holds them (never the values); empty when it holds none.</summary>
    public static IReadOnlyList<string> Credentials(string kind, string text)
    {
        var found = new List<string>();
        void Add(string name)
        {
            if (!found.Contains(name, StringComparer.Ordinal))
                found.Add(name);
        }
        if (kind == UnwantedKinds.NuGetConfig)
            NuGetCredentials(text, Add);
        else if (kind == UnwantedKinds.Netrc)
            NetrcCredentials(text, Add);
        else
        {
            foreach (var (key, value) in ConfigLines.Assignments(text))
            {
                if (CredentialKey(kind, key) is { } name && CredentialValues.IsReal(value))
                    Add(name);
            }
        }
        foreach (Match match in UrlPassword.Matches(text))
        {
            if (CredentialValues.IsReal(match.Groups[2].Value))
                Add("password in a URL");
        }
        return found;
    }

    /// <summary>The name of the credential a key holds, or null for an ordinary setting.</summary>
    private static string? CredentialKey(string kind, string key)
    {
        var lower = key.Trim().Trim('"', '\'').ToLowerInvariant();
        // Scoped npm keys name the registry first: //registry.npmjs.org/:_authToken.
        var last = lower[(lower.LastIndexOf(':') + 1)..];
        return (kind, last) switch
        {
            (_, "_authtoken") => "_authToken",
            (_, "_auth") => "_auth",
            (_, "_password") => "_password",
            (UnwantedKinds.Yarnrc, "npmauthtoken") => "npmAuthToken",
            (UnwantedKinds.Yarnrc, "npmauthident") => "npmAuthIdent",
            (UnwantedKinds.Pypirc or UnwantedKinds.Yarnrc, "password") => "password",
            (UnwantedKinds.CargoCredentials, "token") => "token",
            (UnwantedKinds.GemCredentials, "rubygems_api_key" or ":rubygems_api_key") => "rubygems_api_key",
            _ => null,
        };
    }

    /// <summary><c>&lt;add key="ClearTextPassword" value="..."/&gt;</c> in packageSourceCredentials, and API keys.</summary>
    private static void NuGetCredentials(string text, Action<string> add)
    {
        var inApiKeys = false;
        var position = 0;
        foreach (Match element in XmlAdd.Matches(text))
        {
            var between = text.AsSpan(position, element.Index - position);
            if (between.Contains("<apikeys", StringComparison.OrdinalIgnoreCase))
                inApiKeys = true;
            if (between.Contains("</apikeys", StringComparison.OrdinalIgnoreCase))
                inApiKeys = false;
            position = element.Index + element.Length;
            var key = XmlKey.Match(element.Value);
            var value = XmlValue.Match(element.Value);
            if (!key.Success || !value.Success || !CredentialValues.IsReal(value.Groups[1].Value))
                continue;
            if (inApiKeys)
                add("apikey");
            else if (key.Groups[1].Value.Equals("ClearTextPassword", StringComparison.OrdinalIgnoreCase))
                add("ClearTextPassword");
            else if (key.Groups[1].Value.Equals("Password", StringComparison.OrdinalIgnoreCase))
                add("Password (encrypted)");
        }
    }

    /// <summary><c>machine host login user password secret</c>, on one line or many.</summary>
    private static void NetrcCredentials(string text, Action<string> add)
    {
        var tokens = text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i] == "password" && CredentialValues.IsReal(tokens[i + 1]))
                add("password");
        }
    }
}
