using System.Text;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Credentials without a provider: JSON Web Tokens, hard-coded Authorization headers, and values
/// recognised only by the name they are assigned to.
/// </summary>
internal static class GenericSecrets
{
    // What may stand between "Authorization" and the scheme: a closing quote, a separator (":" in
    // headers and objects, "=" in assignments, "," in setRequestHeader calls), an opening quote.
    private const string AuthorizationHeader = @"(?i)\Aauthorization[""']?[ \t]*[:=,][ \t]*[""'`]?[ \t]*";

    // Where a hard-coded header value ends: a closing quote, a blank, an escape, the end of text.
    private const string HeaderEnd = @"(?:[""'`\s\\]|$)";

    private const string SigningHeader = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/jwt",
            Name = "JSON Web Token",
            Description = "A signed JSON Web Token (eyJ….eyJ….signature). An unexpired token is a bearer credential for whatever service issued it, often long-lived for service accounts. Expired tokens, example tokens and unsigned ones are reported low; public anon keys (Supabase) are not reported.",
            Prefixes = ["eyJ"],
            Pattern = @"\AeyJ[A-Za-z0-9_\-]{12,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{16,}",
            MaxLength = 8_192,
            Validator = JwtCredentialFilter.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Low,
            Rotate = "Revoke the token where it was issued (or rotate the signing key, which invalidates every token it signed), issue tokens at run time with a short lifetime, and never ship one in a package.",
            Positives =
            [
                Join("const serviceToken = '", Jwt("{\"iss\":\"billing-api\",\"sub\":\"svc-reports\",\"role\":\"service_role\",\"iat\":1735689600}", 951), "';"),
                Join("Authorization: Bearer ", Jwt("{\"sub\":\"42\",\"scope\":\"admin\",\"iat\":1600000000,\"exp\":1600003600}", 952)),
            ],
            Negatives =
            [
                Join("SUPABASE_ANON_KEY=", Jwt("{\"iss\":\"supabase\",\"ref\":\"abcdefghijklmnopqrst\",\"role\":\"anon\",\"iat\":1700000000,\"exp\":2015576000}", 953)),
                Join(Encode("{\"alg\":\"HS256\"}"), ".", Encode("[1,2,3]"), ".", Random(43, Base64Url, 954)),
                Join(Encode(SigningHeader), ".", Encode("{\"sub\":\"42\"}")),
                Join("eyJ", Random(30, Base64Url, 955), ".eyJ", Random(40, Base64Url, 956), ".", Random(43, Base64Url, 957)),
            ],
        },
        new()
        {
            Id = "secret/authorization-bearer",
            Name = "Hard-coded bearer token",
            Description = "A literal token in an Authorization: Bearer header written into code, configuration or a request sample. Whatever issued it accepts it from anyone who copies it.",
            Markers = ["authorization"],
            Pattern = AuthorizationHeader + @"bearer[ \t]+(?<secret>[A-Za-z0-9_\-~+/]{20}[A-Za-z0-9_\-~+/]*=*)" + HeaderEnd,
            MaxLength = 640,
            Validator = CredentialValueFilter.Instance,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            MinEntropy = 3.5,
            Rotate = "Revoke the token with the service that issued it, and read tokens from the environment or a credential store at run time.",
            Positives =
            [
                Join("headers: { Authorization: 'Bearer ", Random(40, Base62, 911), "' },"),
                Join("curl -H \"Authorization: Bearer ", Random(32, Base64Url, 912), "\" https://api.acme.io/v1/jobs"),
                Join("xhr.setRequestHeader(\"Authorization\", \"Bearer ", Random(36, Base62, 913), "\");"),
            ],
            Negatives =
            [
                "headers: { Authorization: 'Bearer ' + token },",
                "headers: { Authorization: `Bearer ${token}` },",
                "curl -H \"Authorization: Bearer YOUR_ACCESS_TOKEN\"",
                "Authorization: Bearer <token>",
                Join("Authorization: Bearer ", Random(8, Base62, 914)),
            ],
        },
        new()
        {
            Id = "secret/authorization-basic",
            Name = "Hard-coded basic-auth credentials",
            Description = "A literal Authorization: Basic header: the base64 of user:password, which anyone can decode. Defaults and sample passwords are not reported.",
            Markers = ["authorization"],
            Pattern = AuthorizationHeader + @"basic[ \t]+(?<secret>[A-Za-z0-9+/]{8}[A-Za-z0-9+/]*={0,2})" + HeaderEnd,
            MaxLength = 400,
            Validator = ConnectionPasswordFilter.Basic,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            Rotate = "Change the account's password on the service, and build the header at run time from credentials in the environment or a secret store.",
            Positives =
            [
                Join("headers: { 'Authorization': 'Basic ", Convert.ToBase64String(Encoding.UTF8.GetBytes(Join("ci-bot:", Random(18, Base62, 921)))), "' }"),
            ],
            Negatives =
            [
                Join("Authorization: Basic ", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin"))),
                Join("Authorization: Basic ", Convert.ToBase64String(Encoding.UTF8.GetBytes("user:password123"))),
                "headers: { Authorization: 'Basic ' + btoa(user + ':' + pass) },",
                Join("Authorization: Basic ", Random(24, Base62, 922)),
            ],
        },
        new()
        {
            Id = "secret/generic-assignment",
            Name = "Hard-coded password or token",
            Description = "A quoted value assigned to a name like password, secret, token, api_key or client_secret. Nothing about the value proves it is a credential, so the confidence is low; high-entropy values and placeholders are told apart.",
            Markers = ["password", "passwd", "secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey"],
            Pattern = @"(?i)(?:password|passwd|secret|token|api[_\-]?key|access[_\-]?key)[A-Za-z0-9_.\-]{0,20}[""']?[ \t]{0,3}(?::|=|:=|=>)[ \t]{0,3}[""'`](?<secret>[^""'`\s]{8,100})[""'`]",
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

    /// <summary>A JWT with an HS256 header, the given claims and a seeded random signature.</summary>
    private static string Jwt(string claims, int seed) =>
        Join(Encode(SigningHeader), ".", Encode(claims), ".", Random(43, Base64Url, seed));

    private static string Encode(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
