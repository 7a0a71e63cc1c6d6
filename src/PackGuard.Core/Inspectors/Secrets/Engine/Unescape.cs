using System.Text;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Undoes the encodings a credential picks up on its way into a file: percent-encoding in URLs
/// and query strings, and JSON string escapes (<c>https:\/\/user:pass@host</c>).
/// </summary>
internal static class Unescape
{
    /// <summary>
    /// Decodes percent escapes and JSON escapes; anything malformed is kept as it is. When
    /// <paramref name="origins"/> is given, it receives for each decoded character the index in
    /// <paramref name="text"/> where it came from, so a match can be reported at its own place.
    /// </summary>
    public static string Decode(ReadOnlySpan<char> text, out string encoding, List<int>? origins = null)
    {
        origins?.Clear();
        var builder = new StringBuilder(text.Length);
        var percent = false;
        var json = false;
        for (var i = 0; i < text.Length; i++)
        {
            origins?.Add(i);
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && Hex(text[i + 1]) >= 0 && Hex(text[i + 2]) >= 0)
            {
                builder.Append((char)((Hex(text[i + 1]) << 4) | Hex(text[i + 2])));
                i += 2;
                percent = true;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next == 'u' && i + 5 < text.Length && Hex(text[i + 2]) >= 0 && Hex(text[i + 3]) >= 0 && Hex(text[i + 4]) >= 0 && Hex(text[i + 5]) >= 0)
                {
                    builder.Append((char)((Hex(text[i + 2]) << 12) | (Hex(text[i + 3]) << 8) | (Hex(text[i + 4]) << 4) | Hex(text[i + 5])));
                    i += 5;
                }
                else
                {
                    builder.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
                    i++;
                }
                json = true;
            }
            else
            {
                builder.Append(c);
            }
        }
        encoding = percent ? "percent-encoded" : json ? "escaped" : "plain";
        return builder.ToString();
    }

    private static int Hex(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
