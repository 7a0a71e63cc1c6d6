using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Tells a value that could be a password or token from what code assigns to such names far more
/// often: identifiers (<c>"access_token"</c>, <c>"clientSecret"</c>), URLs and paths, file names,
/// environment-variable names, and words without a digit. Used by keyword-only rules, with
/// <see cref="SecretRule.DiscardInvalid"/>, so these are dropped rather than reported.
/// </summary>
internal sealed class CredentialValueFilter : ISecretFilter
{
    public static readonly ISecretValidator Instance = new CredentialValueFilter();

    private static readonly string[] FileExtensions = [".js", ".json", ".ts", ".css", ".html", ".png", ".svg", ".md", ".txt", ".yml", ".yaml", ".xml"];

    public Validation Validate(string secret)
    {
        if (secret.Contains("://", StringComparison.Ordinal) || secret.StartsWith('/') || secret.StartsWith("./", StringComparison.Ordinal))
            return Validation.Invalid("a URL or path");
        if (FileExtensions.Any(e => secret.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return Validation.Invalid("a file name");
        if (IsIdentifier(secret))
            return Validation.Invalid("an identifier");
        if (!secret.Any(char.IsAsciiDigit) || !secret.Any(char.IsAsciiLetter))
            return Validation.Invalid("no mix of letters and digits");
        return Validation.NotChecked;
    }

    /// <summary>Words joined by _ . - or camelCase, with digits at most at the end of a word (<c>oauth2_token</c>).</summary>
    private static bool IsIdentifier(string value)
    {
        var letters = 0;
        var digitsInARow = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetter(c))
            {
                if (digitsInARow > 0 && i > 0)
                    return false; // letters after digits: a random string, not a word
                letters++;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                digitsInARow++;
                if (digitsInARow > 2)
                    return false;
                continue;
            }
            if (c is '_' or '.' or '-' or ':')
            {
                digitsInARow = 0;
                continue;
            }
            return false;
        }
        return letters > 0;
    }
}
