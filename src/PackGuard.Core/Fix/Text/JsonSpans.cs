namespace PackGuard.Fix.Text;

/// <summary>Where a JSON value sits in its text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
/// <param name="Start">Offset of the value's first character.</param>
/// <param name="End">Offset just after its last character.</param>
/// <param name="Members">For an object, its members in order; otherwise <see langword="null"/>.</param>
/// <param name="Items">For an array, its items in order; otherwise <see langword="null"/>.</param>
/// <param name="StringValue">For a string, its decoded value; otherwise <see langword="null"/>.</param>
internal sealed record JsonSpan(int Start, int End, IReadOnlyList<JsonMemberSpan>? Members, IReadOnlyList<JsonSpan>? Items, string? StringValue)
{
    /// <summary>The member named <paramref name="key"/> (the last one, as JSON parsers keep), or <see langword="null"/>.</summary>
    public JsonMemberSpan? Member(string key) => Members?.LastOrDefault(m => m.Key == key);
}

/// <summary>An object member: its key's offset and its value.</summary>
internal sealed record JsonMemberSpan(string Key, int KeyStart, JsonSpan Value);

/// <summary>
/// Locates the values of a JSON document in its text, so that an edit can change a few characters
/// and leave the user's formatting (indentation, key order, spacing, final newline) as it was.
/// Re-serialising the document would rewrite all of it. Strict JSON only (package.json is).
/// </summary>
internal static class JsonSpans
{
    private const int MaxDepth = 64;

    /// <summary>The spans of the document's root value.</summary>
    /// <exception cref="FormatException">The text is not JSON.</exception>
    public static JsonSpan Parse(string text)
    {
        var position = 0;
        var value = Value(text, ref position, 0);
        SkipWhitespace(text, ref position);
        if (position != text.Length)
            throw new FormatException($"unexpected text after the JSON value at offset {position}");
        return value;
    }

    private static JsonSpan Value(string text, ref int position, int depth)
    {
        if (depth > MaxDepth)
            throw new FormatException("JSON nested too deeply");
        SkipWhitespace(text, ref position);
        if (position >= text.Length)
            throw new FormatException("unexpected end of JSON");
        var start = position;
        switch (text[position])
        {
            case '{':
            {
                position++;
                var members = new List<JsonMemberSpan>();
                SkipWhitespace(text, ref position);
                if (Peek(text, position) == '}')
                {
                    position++;
                    return new JsonSpan(start, position, members, null, null);
                }
                while (true)
                {
                    SkipWhitespace(text, ref position);
                    var keyStart = position;
                    var key = StringToken(text, ref position);
                    SkipWhitespace(text, ref position);
                    Expect(text, ref position, ':');
                    members.Add(new JsonMemberSpan(key, keyStart, Value(text, ref position, depth + 1)));
                    SkipWhitespace(text, ref position);
                    if (Peek(text, position) == ',')
                    {
                        position++;
                        continue;
                    }
                    Expect(text, ref position, '}');
                    return new JsonSpan(start, position, members, null, null);
                }
            }
            case '[':
            {
                position++;
                var items = new List<JsonSpan>();
                SkipWhitespace(text, ref position);
                if (Peek(text, position) == ']')
                {
                    position++;
                    return new JsonSpan(start, position, null, items, null);
                }
                while (true)
                {
                    items.Add(Value(text, ref position, depth + 1));
                    SkipWhitespace(text, ref position);
                    if (Peek(text, position) == ',')
                    {
                        position++;
                        continue;
                    }
                    Expect(text, ref position, ']');
                    return new JsonSpan(start, position, null, items, null);
                }
            }
            case '"':
            {
                var value = StringToken(text, ref position);
                return new JsonSpan(start, position, null, null, value);
            }
            default:
            {
                while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.'))
                    position++;
                var literal = text[start..position];
                if (literal is not ("true" or "false" or "null") && !double.TryParse(literal, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                    throw new FormatException($"unexpected '{(literal.Length > 0 ? literal : text[start].ToString())}' at offset {start}");
                return new JsonSpan(start, position, null, null, null);
            }
        }
    }

    private static string StringToken(string text, ref int position)
    {
        Expect(text, ref position, '"');
        var builder = new System.Text.StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
                return builder.ToString();
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (position >= text.Length)
                break;
            var escape = text[position++];
            switch (escape)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when position + 4 <= text.Length && ushort.TryParse(text.AsSpan(position, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    builder.Append((char)code);
                    position += 4;
                    break;
                case '"' or '\\' or '/': builder.Append(escape); break;
                default: throw new FormatException($"bad escape at offset {position - 1}");
            }
        }
        throw new FormatException("unterminated string");
    }

    private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

    private static void Expect(string text, ref int position, char expected)
    {
        if (Peek(text, position) != expected)
            throw new FormatException($"expected '{expected}' at offset {position}");
        position++;
    }

    private static void SkipWhitespace(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            position++;
    }

    /// <summary>A JSON string literal for <paramref name="value"/>.</summary>
    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value, QuoteOptions);

    private static readonly System.Text.Json.JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
