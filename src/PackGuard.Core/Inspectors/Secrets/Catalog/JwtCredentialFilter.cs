using System.Text.Json;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Decides what a JSON Web Token found in a package is. Structure comes from
/// <see cref="JwtValidator"/>; the claims then tell a live bearer credential (valid, so critical
/// outside tests) from what packages carry far more often: expired session tokens in fixtures,
/// documentation examples, unsigned tokens, and keys that are public by design (Supabase's
/// <c>anon</c> key ships in every browser bundle that uses it).
/// </summary>
internal sealed class JwtCredentialFilter : ISecretValidator
{
    public static readonly ISecretValidator Instance = new JwtCredentialFilter();

    // Roles whose tokens are meant to be shipped to browsers.
    private static readonly string[] PublicRoles = ["anon", "public"];

    // Claim values of the examples that documentation copies (jwt.io's among them).
    private static readonly string[] ExampleValues = ["John Doe", "1234567890", "example.com", "example.org", "test", "foo", "bar", "user123", "janedoe"];

    private readonly ISecretValidator _structure;

    /// <summary>Creates the filter; <paramref name="structure"/> is the JWT validator (a clock is injected through it in tests).</summary>
    internal JwtCredentialFilter(ISecretValidator? structure = null)
    {
        _structure = structure ?? JwtValidator.Instance;
    }

    public Validation Validate(string secret)
    {
        var structure = _structure.Validate(secret);
        if (structure.Outcome != ValidationOutcome.Valid)
            return structure.Outcome == ValidationOutcome.Invalid ? structure : Validation.Invalid("not a signed JWT");
        var detail = structure.Detail ?? "JWT";
        if (structure.Weakened)
            return Validation.NotChecked with { Detail = detail };
        if (detail.Contains("unsigned", StringComparison.Ordinal))
            return Validation.NotChecked with { Detail = detail };
        return DetailGuard.Run(secret, _ => Claims(secret, structure, detail));
    }

    private static Validation Claims(string secret, Validation structure, string detail)
    {
        var payload = secret.Split('.')[1];
        if (!Base64Text.TryDecode(payload, urlSafe: true, out var json))
            return Validation.Invalid("not a JWT (payload is not base64url)");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String && PublicRoles.Contains(role.GetString()))
            return Validation.Invalid("a public (anon) key, meant to be shipped to browsers");
        foreach (var claim in root.EnumerateObject())
        {
            if (claim.Name is "sub" or "name" or "email" or "iss" or "aud" or "username" && claim.Value.ValueKind == JsonValueKind.String && IsExampleValue(claim.Value.GetString()!))
                return Validation.NotChecked with { Detail = $"{detail}, with example claims" };
        }
        return structure;
    }

    private static bool IsExampleValue(string value) =>
        ExampleValues.Any(e => value.Equals(e, StringComparison.OrdinalIgnoreCase) || (e.Contains('.', StringComparison.Ordinal) && value.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
}
