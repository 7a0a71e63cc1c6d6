namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Checks GitHub's and npm's token format: a prefix such as <c>ghp_</c> or <c>npm_</c>, 30
/// random base62 characters, then the CRC-32 of those 30 characters written as 6 base62 digits
/// (alphabet 0-9A-Za-z, most significant first, left-padded with '0'). A random string of the
/// same shape passes by chance about once in four billion.
/// </summary>
internal sealed class Base62Checksum : ISecretValidator
{
    /// <summary>The shared instance.</summary>
    public static readonly ISecretValidator Instance = new Base62Checksum();

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int PrefixLength = 4;
    private const int RandomLength = 30;
    private const int ChecksumLength = 6;

    // Names, never the prefixes themselves: a detail must not repeat any part of the token.
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["ghp_"] = "GitHub personal access token (classic)",
        ["gho_"] = "GitHub OAuth access token",
        ["ghu_"] = "GitHub user-to-server token",
        ["ghs_"] = "GitHub server-to-server token",
        ["ghr_"] = "GitHub refresh token",
        ["npm_"] = "npm access token",
    };

    private Base62Checksum()
    {
    }

    /// <inheritdoc />
    public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

    /// <summary>
    /// Builds a token with a correct checksum, so that tests and rule samples can make realistic
    /// tokens at run time instead of shipping token-shaped literals.
    /// </summary>
    /// <param name="prefix">The four-character prefix, for example <c>ghp_</c>.</param>
    /// <param name="random30">Exactly 30 base62 characters.</param>
    internal static string Create(string prefix, string random30)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(random30);
        if (random30.Length != RandomLength || !IsBase62(random30))
        {
            throw new ArgumentException("Expected exactly 30 base62 characters.", nameof(random30));
        }

        return prefix + random30 + Encode(Crc32.ComputeAscii(random30));
    }

    /// <summary>A 32-bit value as 6 base62 digits, most significant first.</summary>
    internal static string Encode(uint value)
    {
        Span<char> digits = stackalloc char[ChecksumLength];
        for (int i = ChecksumLength - 1; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }

    private static Validation Check(string secret)
    {
        if (secret.Length < PrefixLength || !Kinds.TryGetValue(secret[..PrefixLength], out string? kind))
        {
            return Validation.NotChecked;
        }

        ReadOnlySpan<char> body = secret.AsSpan(PrefixLength);
        if (body.Length != RandomLength + ChecksumLength)
        {
            // Other lengths exist (and may use another scheme); do not call them fake.
            return Validation.NotChecked with { Detail = $"{kind}, unexpected length" };
        }

        if (!IsBase62(body))
        {
            return Validation.Invalid($"{kind} shape, but not base62");
        }

        ReadOnlySpan<char> random = body[..RandomLength];
        string expected = Encode(Crc32.ComputeAscii(random));
        return body[RandomLength..].SequenceEqual(expected)
            ? Validation.Valid($"{kind}, checksum valid")
            : Validation.Invalid($"{kind} shape, checksum invalid");
    }

    private static bool IsBase62(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
