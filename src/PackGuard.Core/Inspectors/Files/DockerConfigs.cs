using System.Text.Json;
using PackGuard.Findings;

namespace PackGuard.Inspectors.Files;

/// <summary>
/// Reads a Docker client configuration (<c>~/.docker/config.json</c>, or the legacy
/// <c>.dockercfg</c>): registries under <c>auths</c> whose entry holds an <c>auth</c> (base64 of
/// <c>user:password</c>), an <c>identitytoken</c> or a password. <c>credsStore</c> and
/// <c>credHelpers</c> keep credentials outside the file and are not findings of their own.
/// </summary>
internal static class DockerConfigs
{
    private static readonly string[] SecretFields = ["auth", "identitytoken", "registrytoken", "password"];

    public static FileVerdict? Judge(FileCandidate candidate, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            // The legacy .dockercfg is the auths object itself.
            var auths = root.TryGetProperty("auths", out var a) ? a : root;
            if (auths.ValueKind != JsonValueKind.Object)
                return null;
            var registries = new List<string>();
            foreach (var registry in auths.EnumerateObject())
            {
                if (registry.Value.ValueKind == JsonValueKind.Object && SecretFields.Any(f =>
                        registry.Value.TryGetProperty(f, out var value) && value.ValueKind == JsonValueKind.String && CredentialValues.IsReal(value.GetString()!)))
                    registries.Add(registry.Name.Length > 100 ? registry.Name[..100] : registry.Name);
                if (registries.Count >= 20)
                    break;
            }
            return registries.Count == 0
                ? new(Severity.Low, $"{candidate.Reason}; this one holds no logins (they are kept in a credential store)", [])
                : new(Severity.High, $"{candidate.Reason}, and this one holds logins for {FileChecks.Names(registries)}", [.. registries.Select(r => $"login for {r}")]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that does not decode (a lone surrogate escape, bad UTF-8).
            return null;
        }
    }
}
