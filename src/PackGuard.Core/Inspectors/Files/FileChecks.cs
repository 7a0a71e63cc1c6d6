using System.Text.Json.Nodes;
using PackGuard.Findings;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Judges a candidate by its content (the first <see cref="MaxBytes"/> of it, as text). Returns
/// null when the content does not bear the name out: a <c>.pem</c> that holds only certificates,
/// a YAML file with clusters but no users, an SQL file with only a schema.
/// </summary>
internal static class FileChecks
{
    /// <summary>How much of a candidate is read. Configurations and keys are small; a kubeconfig with certificates is tens of kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly string[] KubeCredentialKeys = ["token", "client-key-data", "password", "id-token", "refresh-token", "access-token", "client-secret"];

    public static FileVerdict? Judge(FileCandidate candidate, string text) => candidate.Check switch
    {
        ContentCheck.Env => Env(candidate, text),
        ContentCheck.RegistryConfig => Registry(candidate, text),
        ContentCheck.PrivateKeyText => PrivateKey(text),
        ContentCheck.GitConfig => GitConfig(candidate, text),
        ContentCheck.KubeConfig => KubeConfig(candidate, text),
        ContentCheck.DockerConfig => DockerConfigs.Judge(candidate, text),
        _ => FileVerdict.Of(candidate),
    };

    private static FileVerdict Env(FileCandidate candidate, string text)
    {
        var env = EnvFiles.Read(text);
        var template = candidate.Kind == UnwantedKinds.EnvTemplate;
        var details = new JsonObject { ["variables"] = env.Assignments, ["values"] = env.Values };
        if (env.CredentialKeys.Count > 0)
        {
            var named = Names(env.CredentialKeys);
            return template
                ? new(Severity.Medium, $"{candidate.Reason}, yet {Count(env.CredentialKeys.Count, "of its values looks", "of its values look")} like a real credential ({named})", env.CredentialKeys, details)
                : new(Severity.High, $"{candidate.Reason}: {env.CredentialKeys.Count} of its {env.Values} values look like credentials ({named})", env.CredentialKeys, details);
        }
        var settings = env.Values == 0 ? "it sets no values" : $"it sets {Count(env.Values, "value", "values")}, none of them credential-like";
        return new(template ? Severity.Info : Severity.Low, $"{candidate.Reason}; {settings}", [], details);
    }

    private static FileVerdict Registry(FileCandidate candidate, string text)
    {
        var credentials = RegistryConfigs.Credentials(candidate.Kind, text);
        return credentials.Count == 0
            ? new(Severity.Low, $"{candidate.Reason}; this one holds no credentials, only settings (registry URLs and options)", [])
            : new(Severity.High, $"{candidate.Reason}, and this one holds {Names(credentials)}", credentials);
    }

    private static FileVerdict? PrivateKey(string text)
    {
        var label = PemLabel(text, "PRIVATE KEY-----") ?? PemLabel(text, "PRIVATE KEY BLOCK-----") ??
            (text.Contains("PuTTY-User-Key-File-", StringComparison.Ordinal) ? "PuTTY private key" : null);
        if (label is null)
            return null;
        var encrypted = label.Contains("ENCRYPTED", StringComparison.Ordinal) || text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal) ||
            (label.StartsWith("PuTTY", StringComparison.Ordinal) && !text.Contains("Encryption: none", StringComparison.Ordinal));
        var reason = encrypted
            ? $"holds a private key ({label}), encrypted with a passphrase that can be attacked offline by anyone who downloads it"
            : $"holds a private key ({label}), unencrypted";
        return new(Severity.High, reason, [label], new JsonObject { ["keyType"] = label, ["encrypted"] = encrypted });
    }

    private static FileVerdict GitConfig(FileCandidate candidate, string text)
    {
        var remotes = GitRemotes.Read(text);
        if (remotes.Count == 0)
            return FileVerdict.Of(candidate);
        var details = new JsonObject { ["remotes"] = new JsonArray([.. remotes.Select(r => (JsonNode)r.Url)]) };
        var withCredentials = remotes.Where(r => r.HadCredentials).Select(r => r.Name).ToList();
        var named = string.Join(", ", remotes.Take(3).Select(r => $"{r.Name} {r.Url}"));
        return withCredentials.Count > 0
            ? new(Severity.High, $"{candidate.Reason}; its remote URL carries credentials ({named}, credentials removed here)", [.. withCredentials.Select(n => $"credentials in remote {n}")], details)
            : new(candidate.Severity, $"{candidate.Reason}; remote {named}", [], details);
    }

    private static FileVerdict? KubeConfig(FileCandidate candidate, string text)
    {
        // A kubeconfig has clusters (with their API servers), users and contexts, or says it is one
        // (kind: Config); other YAML with a clusters: key (Helm values, tool settings) is not.
        var keys = ConfigLines.Assignments(text).ToList();
        var isConfig = keys.Any(k => k.Key == "kind" && k.Value == "Config");
        if (!keys.Any(k => k.Key == "clusters") || !keys.Any(k => k.Key == "users") ||
            !(isConfig || keys.Any(k => k.Key == "contexts")) || !keys.Any(k => k.Key is "server" or "certificate-authority-data"))
            return null;
        var credentials = keys.Where(k => KubeCredentialKeys.Contains(k.Key) && CredentialValues.IsReal(k.Value)).Select(k => k.Key).Distinct(StringComparer.Ordinal).ToList();
        return credentials.Count == 0
            ? new(Severity.Medium, $"{candidate.Reason}; this one names clusters and their API servers but embeds no credentials", [])
            : new(Severity.High, $"{candidate.Reason}, and this one embeds credentials ({Names(credentials)})", credentials);
    }

    /// <summary>The label of the first <c>-----BEGIN ... PRIVATE KEY-----</c> line (<c>RSA PRIVATE KEY</c>), or null.</summary>
    private static string? PemLabel(string text, string marker)
    {
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var lineStart = text.LastIndexOf('\n', at) + 1;
            var begin = text.IndexOf("-----BEGIN ", lineStart, at - lineStart, StringComparison.Ordinal);
            if (begin >= 0)
                return text[(begin + 11)..(at + marker.Length - 5)];
        }
        return null;
    }

    internal static string Names(IReadOnlyList<string> names) =>
        names.Count <= 5 ? string.Join(", ", names) : string.Join(", ", names.Take(5)) + $" and {names.Count - 5} more";

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
