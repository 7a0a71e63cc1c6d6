using System.Security.Cryptography;
using System.Text;

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

    /// <summary>
    /// Published example credentials that documentation and tests reuse everywhere, known by their
    /// SHA-256 so that PackGuard's own binaries do not carry them.
    /// </summary>
    private static readonly Dictionary<string, string> DocumentedExamples = new(StringComparer.Ordinal)
    {
        ["1a5d44a2dca19669d72edf4c4f1c27c4c1ca4b4408fbb17f6ce4ad452d78ddb3"] = "AWS's documented access key ID",
        ["78314b11be2e581549ac1c4f616563fad3fdf0c3b71678f6e2299182080e0598"] = "AWS's documented secret access key",
        ["c6ea27c534f993d31f0aef882e3d200e7b87470c379ae79c8f9b19d3bd363dc9"] = "AWS's second documented access key ID",
        ["e21b597ba6b9cafa59d9ebc4d65c0385f5eb3fa56abab2607fa76589ad849a33"] = "AWS's second documented secret access key",
        ["2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326"] = "Stripe's documented test secret key",
        ["b1471f544ceeea31333bde7e1ecbaad6eac0d4a749412ad29bd66ef895b81c6b"] = "Stripe's documented test publishable key",
        ["7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606"] = "jwt.io's example token",
        ["0e3fd41c01a697720785471d7455850841950378123a3448f925c8687a8a4fa1"] = "Slack's documented placeholder bot token",
    };

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

    /// <summary>
    /// Whether the value is a credential published in documentation as an example: a known one,
    /// or one the provider marks with EXAMPLE (AWS puts it inside its documented session tokens;
    /// random base64 holds those seven capitals about once in four trillion).
    /// </summary>
    public static bool IsDocumentedExample(string secret) =>
        secret.Contains("EXAMPLE", StringComparison.Ordinal) ||
        DocumentedExamples.ContainsKey(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));

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
