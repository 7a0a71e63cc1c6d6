namespace PackGuard.Inspectors.Secrets;

/// <summary>
/// The only form in which a secret ever leaves the scanner: its public format prefix, a few more
/// characters for long secrets, and its length. <c>ghp_Ab… (40 chars)</c>.
/// </summary>
public static class Redaction
{
    /// <summary>A preview that shows at most one character in eight beyond the public prefix (four at most).</summary>
    public static string Preview(string secret, string visiblePrefix)
    {
        var prefix = secret.StartsWith(visiblePrefix, StringComparison.Ordinal) ? visiblePrefix : "";
        if (prefix.Length == 0 && secret.StartsWith("-----BEGIN ", StringComparison.Ordinal))
        {
            var end = secret.IndexOf("-----", 11, StringComparison.Ordinal);
            if (end > 0)
                return $"{secret[..(end + 5)]}… ({secret.Length} chars)";
        }
        var extra = Math.Min(4, (secret.Length - prefix.Length) / 8);
        return $"{secret[..(prefix.Length + extra)]}… ({secret.Length} chars)";
    }
}
