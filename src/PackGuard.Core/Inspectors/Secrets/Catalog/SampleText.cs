namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Builds rule samples at run time from pieces, so that PackGuard's own binaries carry no
/// credential-shaped literals (its package would otherwise fail its own scan, and every other
/// scanner's). <c>Join("gh", "p_", body)</c> is a token only once assembled.
/// </summary>
internal static class SampleText
{
    /// <summary>Concatenates the pieces at run time.</summary>
    public static string Join(params string[] pieces) => string.Concat(pieces);

    /// <summary>A deterministic pseudo-random string over <paramref name="alphabet"/> (samples must be stable).</summary>
    public static string Random(int length, string alphabet, int seed)
    {
        var random = new Random(seed);
        return string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        });
    }

    public const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const string Hex = "0123456789abcdef";
    public const string UpperHex = "0123456789ABCDEF";
    public const string Base64 = Base62 + "+/";
    public const string Base64Url = Base62 + "-_";
    public const string LowerAlnum = "0123456789abcdefghijklmnopqrstuvwxyz";
    public const string UpperAlnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}
