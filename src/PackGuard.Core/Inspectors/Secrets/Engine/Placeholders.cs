namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Values that stand in for a credential in docs, templates and examples. A placeholder is not a
/// secret and is not reported; a documented example value is reported, but low.
/// </summary>
internal static class Placeholders
{
    private static readonly string[] Words =
    [
        "xxxx", "your", "example", "sample", "dummy", "placeholder", "changeme", "change_me", "redacted",
        "insert", "replace", "secret_here", "token_here", "key_here", "foobar", "test1234", "1234567890",
        "abcdefgh", "abc123", "****", "....", "<", ">", "${", "{{", "%s", "process.env", "os.environ",
    ];

    /// <summary>Published example credentials that documentation and tests reuse everywhere.</summary>
    private static readonly string[] DocumentedExamples =
    [
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AKIAI44QH8DHBEXAMPLE",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "pk_test_TYooMQauvdEDq54NiTphI7jx",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "xoxb-not-a-real-token-this-will-not-work",
    ];

    private static readonly string[] TemplateMarks = ["....", "<", ">", "${", "{{", "%s"];

    /// <summary>
    /// Whether the value is obviously not a credential: a template, a mask, repetition. Long values
    /// (key blobs) are judged only by template marks and gross repetition: by chance alone a
    /// kilobyte of base64 holds four-letter words and runs of <c>A</c>.
    /// </summary>
    public static bool IsPlaceholder(string secret)
    {
        if (secret.Length > LongSecret)
            return TemplateMarks.Any(m => secret.Contains(m, StringComparison.Ordinal)) || HasLongRepeat(secret, secret.Length / 4);
        foreach (var word in Words)
        {
            if (secret.Contains(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        // Few distinct characters (aaaabbbb, 01010101): scaled to the length, but capped, since a long key uses the whole alphabet.
        return HasLongRepeat(secret, 6) || DistinctCharacters(secret) <= Math.Min(Math.Max(3, secret.Length / 8), 10);
    }

    /// <summary>Whether the value is a credential published in documentation as an example.</summary>
    public static bool IsDocumentedExample(string secret) =>
        DocumentedExamples.Any(e => secret.Contains(e, StringComparison.Ordinal)) ||
        secret.EndsWith("EXAMPLE", StringComparison.Ordinal) || secret.EndsWith("EXAMPLEKEY", StringComparison.Ordinal);

    private const int LongSecret = 100;

    // The same character many times in a row: 000000, aaaaaa, ------.
    private static bool HasLongRepeat(string text, int threshold)
    {
        var run = 1;
        for (var i = 1; i < text.Length; i++)
        {
            run = text[i] == text[i - 1] ? run + 1 : 1;
            if (run >= threshold)
                return true;
        }
        return false;
    }

    private static int DistinctCharacters(string text)
    {
        Span<bool> seen = stackalloc bool[128];
        var distinct = 0;
        var other = false;
        foreach (var c in text)
        {
            if (c >= 128)
            {
                other = true;
                continue;
            }
            if (!seen[c])
            {
                seen[c] = true;
                distinct++;
            }
        }
        return distinct + (other ? 1 : 0);
    }
}
