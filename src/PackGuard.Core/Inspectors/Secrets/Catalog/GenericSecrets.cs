using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Credentials recognised only by the name they are assigned to. Low confidence by design.</summary>
internal static class GenericSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/generic-assignment",
            Name = "Hard-coded password or token",
            Description = "A quoted value assigned to a name like password, secret, token, api_key or client_secret. Nothing about the value proves it is a credential, so the confidence is low; high-entropy values and placeholders are told apart.",
            Markers = ["password", "passwd", "secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey"],
            Pattern = @"(?i)(?:password|passwd|secret|token|api[_\-]?key|access[_\-]?key)[A-Za-z0-9_.\-]{0,20}[""']?\s{0,3}(?::|=|:=|=>)\s{0,3}[""'`](?<secret>[^""'`\s]{8,100})[""'`]",
            Guard = SecretGuard.QuotedAssignment,
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Low,
            MinEntropy = 3.0,
            MaxLength = 160,
            Rotate = "If the value is a real credential, rotate it with its owner and read it from the environment or a secret store at run time; if it is not, rename it so reviewers are not misled.",
            Positives = [Join("const dbPassword = \"", Random(16, Base62, 901), "\";")],
            Negatives = ["token: \"refresh_token\"", "secret: \"client_secret\"", "password: \"https://example.com/login\"", "token = \"CLAUDE_CODE_OAUTH_TOKEN\"", "password = \"\"", "const passwordField = document.getElementById(\"password\");", "token: \"your-token-here\"", "secret = \"aaaaaaaaaaaaaaaa\""],
        },
    ];
}
