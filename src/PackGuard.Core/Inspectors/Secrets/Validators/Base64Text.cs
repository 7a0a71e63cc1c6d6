namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Lenient base64 decoding for validators: whitespace is skipped, the URL-safe alphabet and
/// missing padding are accepted on request, and failure is a return value, never an exception.
/// </summary>
internal static class Base64Text
{
    /// <summary>Decodes standard base64, ignoring whitespace (line breaks in PEM and armor bodies).</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes) => TryDecode(text, urlSafe: false, out bytes);

    /// <summary>
    /// Decodes base64; with <paramref name="urlSafe"/>, '-' and '_' stand for '+' and '/' and the
    /// padding may be left off (as in JWTs and Azure Functions keys).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, bool urlSafe, out byte[] bytes)
    {
        bytes = [];
        var buffer = new char[text.Length + 3];
        int length = 0;
        foreach (char c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                continue;
            }

            if (urlSafe)
            {
                if (c is '+' or '/')
                {
                    return false;
                }

                buffer[length++] = c switch { '-' => '+', '_' => '/', _ => c };
            }
            else
            {
                buffer[length++] = c;
            }
        }

        if (urlSafe)
        {
            // JWTs and URL-safe keys usually leave the padding off; put it back.
            while (length % 4 != 0)
            {
                buffer[length++] = '=';
            }
        }

        if (length == 0 || length % 4 != 0)
        {
            return false;
        }

        var decoded = new byte[length / 4 * 3];
        if (!Convert.TryFromBase64Chars(buffer.AsSpan(0, length), decoded, out int written))
        {
            return false;
        }

        bytes = written == decoded.Length ? decoded : decoded[..written];
        return true;
    }

    /// <summary>Whether <paramref name="c"/> is in the standard base64 alphabet (padding excluded).</summary>
    public static bool IsStandardChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/';

    /// <summary>Whether <paramref name="c"/> is in the URL-safe base64 alphabet (padding excluded).</summary>
    public static bool IsUrlSafeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>The 6-bit value of a standard or URL-safe base64 character, or -1.</summary>
    public static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' or '-' => 62,
        '/' or '_' => 63,
        _ => -1,
    };
}
