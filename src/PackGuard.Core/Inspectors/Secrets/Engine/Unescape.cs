namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Undoes the encodings a credential picks up on its way into a file: percent-encoding in URLs
/// and query strings, and JSON string escapes (<c>https:\/\/user:pass@host</c>).
/// </summary>
internal sealed class Unescape
{
    private char[] _text = new char[1024];
    private int[] _origins = new int[1024];

    /// <summary>The decoded text of the last <see cref="Decode"/>.</summary>
    public ReadOnlySpan<char> Text => _text.AsSpan(0, Length);

    /// <summary>Its length.</summary>
    public int Length { get; private set; }

    /// <summary>For a decoded character, the index in the encoded input it came from.</summary>
    public int OriginOf(int decodedIndex) => _origins[decodedIndex];

    /// <summary>
    /// Decodes percent escapes and JSON escapes into <see cref="Text"/>, reusing its buffers;
    /// anything malformed is kept as it is. Returns <c>percent-encoded</c>, <c>escaped</c>, or
    /// <c>plain</c> when nothing was decoded. Text between escapes is copied in bulk.
    /// </summary>
    public string Decode(ReadOnlySpan<char> text)
    {
        if (_text.Length < text.Length)
        {
            _text = new char[Math.Max(text.Length, _text.Length * 2)];
            _origins = new int[_text.Length];
        }
        var length = 0;
        var percent = false;
        var json = false;
        for (var i = 0; i < text.Length;)
        {
            var plain = text[i..].IndexOfAny('%', '\\');
            if (plain < 0)
                plain = text.Length - i;
            text.Slice(i, plain).CopyTo(_text.AsSpan(length));
            for (var k = 0; k < plain; k++)
                _origins[length + k] = i + k;
            length += plain;
            i += plain;
            if (i >= text.Length)
                break;

            _origins[length] = i;
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && Hex(text[i + 1]) >= 0 && Hex(text[i + 2]) >= 0)
            {
                _text[length++] = (char)((Hex(text[i + 1]) << 4) | Hex(text[i + 2]));
                i += 3;
                percent = true;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next == 'u' && i + 5 < text.Length && Hex(text[i + 2]) >= 0 && Hex(text[i + 3]) >= 0 && Hex(text[i + 4]) >= 0 && Hex(text[i + 5]) >= 0)
                {
                    _text[length++] = (char)((Hex(text[i + 2]) << 12) | (Hex(text[i + 3]) << 8) | (Hex(text[i + 4]) << 4) | Hex(text[i + 5]));
                    i += 6;
                }
                else
                {
                    _text[length++] = next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next };
                    i += 2;
                }
                json = true;
            }
            else
            {
                _text[length++] = c;
                i++;
            }
        }
        Length = length;
        return percent ? "percent-encoded" : json ? "escaped" : "plain";
    }

    private static int Hex(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
