using System.Globalization;
using System.Text;

namespace PackGuard.Dependencies.Text;

/// <summary>
/// Reads TOML as poetry.lock, uv.lock and pyproject.toml use it: tables, arrays of tables, dotted
/// and quoted keys, basic, literal and multi-line strings, arrays and inline tables over several
/// lines (as uv writes them), and numbers, booleans and dates kept as text. It stops at the first
/// error, reporting it with its line, and returns what it read before it; its time is linear in
/// the text.
/// </summary>
internal sealed class TomlReader
{
    private readonly string _text;
    private readonly int _maxDepth;
    private int _position;
    private int _line = 1;

    private TomlReader(string text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;
    }

    /// <summary>The root table of <paramref name="text"/>; <paramref name="error"/> is the first error with its line, if any.</summary>
    public static TomlTable Parse(string text, int maxDepth, out (string Message, int Line)? error)
    {
        var reader = new TomlReader(text, maxDepth);
        var root = new TomlTable(1, inline: false);
        try
        {
            reader.ReadDocument(root);
            error = null;
        }
        catch (FormatException e)
        {
            error = (e.Message, reader._line);
        }
        return root;
    }

    private void ReadDocument(TomlTable root)
    {
        var current = root;
        while (true)
        {
            SkipBlank(newlines: true);
            if (_position >= _text.Length)
                return;
            var line = _line;
            if (_text[_position] == '[')
            {
                var arrayOfTables = _position + 1 < _text.Length && _text[_position + 1] == '[';
                _position += arrayOfTables ? 2 : 1;
                var path = ReadKeyPath();
                Expect(']');
                if (arrayOfTables)
                    Expect(']');
                current = arrayOfTables ? AppendTable(root, path, line) : DeclareTable(root, path, line);
            }
            else
            {
                var path = ReadKeyPath();
                Expect('=');
                var value = ReadValue(0);
                Assign(current, path, line, value);
            }
            EndOfLine();
        }
    }

    private TomlTable DeclareTable(TomlTable root, List<string> path, int line)
    {
        var table = Navigate(root, path[..^1], line);
        var last = path[^1];
        switch (table[last])
        {
            case null:
            {
                var created = new TomlTable(line) { Declared = true };
                table.TryAdd(last, line, created);
                return created;
            }
            case TomlTable { Inline: false, Declared: false } implied:
                implied.Declared = true;
                return implied;
            default:
                throw new FormatException($"table [{string.Join('.', path)}] is defined twice");
        }
    }

    private TomlTable AppendTable(TomlTable root, List<string> path, int line)
    {
        var table = Navigate(root, path[..^1], line);
        var last = path[^1];
        var array = table[last];
        if (array is null)
        {
            array = new TomlArray(line, ofTables: true);
            table.TryAdd(last, line, array);
        }
        if (array is not TomlArray { OfTables: true } tables)
            throw new FormatException($"[[{string.Join('.', path)}]] names a key that is not an array of tables");
        var created = new TomlTable(line) { Declared = true };
        tables.Add(created);
        return created;
    }

    /// <summary>The table at <paramref name="path"/> under <paramref name="table"/>, creating implied tables; an array of tables stands for its last table.</summary>
    private static TomlTable Navigate(TomlTable table, List<string> path, int line)
    {
        foreach (var key in path)
        {
            switch (table[key])
            {
                case null:
                {
                    var created = new TomlTable(line);
                    table.TryAdd(key, line, created);
                    table = created;
                    break;
                }
                case TomlTable { Inline: false } next:
                    table = next;
                    break;
                case TomlArray { OfTables: true } tables when tables.Items.Count > 0:
                    table = (TomlTable)tables.Items[^1];
                    break;
                default:
                    throw new FormatException($"key '{key}' is not a table");
            }
        }
        return table;
    }

    private static void Assign(TomlTable table, List<string> path, int line, TomlNode value)
    {
        var parent = Navigate(table, path[..^1], line);
        if (!parent.TryAdd(path[^1], line, value))
            throw new FormatException($"key '{string.Join('.', path)}' is defined twice");
    }

    private List<string> ReadKeyPath()
    {
        var path = new List<string>();
        while (true)
        {
            SkipBlank(newlines: false);
            if (_position >= _text.Length)
                throw new FormatException("expected a key");
            var c = _text[_position];
            if (c == '"')
                path.Add(ReadBasicString(multiline: false));
            else if (c == '\'')
                path.Add(ReadLiteralString(multiline: false));
            else
            {
                var start = _position;
                while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '-' or '_'))
                    _position++;
                if (_position == start)
                    throw new FormatException($"expected a key, found '{c}'");
                path.Add(_text[start.._position]);
            }
            SkipBlank(newlines: false);
            if (_position < _text.Length && _text[_position] == '.')
            {
                _position++;
                continue;
            }
            return path;
        }
    }

    private TomlNode ReadValue(int depth)
    {
        if (depth > _maxDepth)
            throw new FormatException($"values nested more than {_maxDepth} levels deep");
        SkipBlank(newlines: false);
        if (_position >= _text.Length)
            throw new FormatException("expected a value");
        var line = _line;
        switch (_text[_position])
        {
            case '"':
                return new TomlScalar(line, StartsWith("\"\"\"") ? ReadBasicString(multiline: true) : ReadBasicString(multiline: false), isString: true);
            case '\'':
                return new TomlScalar(line, StartsWith("'''") ? ReadLiteralString(multiline: true) : ReadLiteralString(multiline: false), isString: true);
            case '[':
            {
                _position++;
                var array = new TomlArray(line);
                while (true)
                {
                    SkipBlank(newlines: true);
                    if (_position >= _text.Length)
                        throw new FormatException("unterminated array");
                    if (_text[_position] == ']')
                    {
                        _position++;
                        return array;
                    }
                    array.Add(ReadValue(depth + 1));
                    SkipBlank(newlines: true);
                    if (_position < _text.Length && _text[_position] == ',')
                        _position++;
                    else if (_position >= _text.Length || _text[_position] != ']')
                        throw new FormatException("expected ',' or ']' in an array");
                }
            }
            case '{':
            {
                _position++;
                var table = new TomlTable(line, inline: true);
                while (true)
                {
                    // TOML 1.0 keeps inline tables on one line; 1.1 allows newlines, and so does this reader.
                    SkipBlank(newlines: true);
                    if (_position >= _text.Length)
                        throw new FormatException("unterminated inline table");
                    if (_text[_position] == '}')
                    {
                        _position++;
                        return table;
                    }
                    var keyLine = _line;
                    var path = ReadKeyPath();
                    Expect('=');
                    Assign(table, path, keyLine, ReadValue(depth + 1));
                    SkipBlank(newlines: true);
                    if (_position < _text.Length && _text[_position] == ',')
                        _position++;
                    else if (_position >= _text.Length || _text[_position] != '}')
                        throw new FormatException("expected ',' or '}' in an inline table");
                }
            }
            default:
            {
                var start = _position;
                while (_position < _text.Length && _text[_position] is not (',' or ']' or '}' or '\n' or '\r' or '#'))
                    _position++;
                var raw = _text[start.._position].Trim();
                if (raw.Length == 0)
                    throw new FormatException("expected a value");
                if (raw is not ("true" or "false") && !char.IsAsciiDigit(raw[0]) && raw[0] is not ('+' or '-') && raw is not ("inf" or "nan"))
                    throw new FormatException($"not a TOML value: '{(raw.Length > 40 ? raw[..40] + "..." : raw)}'");
                return new TomlScalar(line, raw, isString: false);
            }
        }
    }

    private string ReadBasicString(bool multiline)
    {
        _position += multiline ? 3 : 1;
        if (multiline)
            SkipFirstNewline();
        else
        {
            // Most strings have no escapes: take them whole.
            var end = _text.AsSpan(_position).IndexOfAny('"', '\\', '\n');
            if (end >= 0 && _text[_position + end] == '"')
            {
                var value = _text.Substring(_position, end);
                _position += end + 1;
                return value;
            }
        }
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
                throw new FormatException("unterminated string");
            var c = _text[_position];
            if (c == '"')
            {
                if (!multiline)
                {
                    _position++;
                    return builder.ToString();
                }
                if (StartsWith("\"\"\""))
                {
                    // Up to two quotes may end the content right before the closing three.
                    var run = 0;
                    while (_position + run < _text.Length && _text[_position + run] == '"')
                        run++;
                    builder.Append('"', Math.Min(run - 3, 2));
                    _position += run;
                    return builder.ToString();
                }
            }
            if (c == '\n')
            {
                if (!multiline)
                    throw new FormatException("newline in a string");
                _line++;
            }
            if (c == '\\')
            {
                _position++;
                if (_position >= _text.Length)
                    throw new FormatException("unterminated string");
                var escape = _text[_position];
                _position++;
                switch (escape)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'e': builder.Append('\u001b'); break;
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case 'u': builder.Append(Unicode(4)); break;
                    case 'U': builder.Append(Unicode(8)); break;
                    case ' ' or '\t' or '\r' or '\n' when multiline:
                        // A backslash at the end of a line joins it to the next non-blank text.
                        _position--;
                        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
                        {
                            if (_text[_position] == '\n')
                                _line++;
                            _position++;
                        }
                        break;
                    default:
                        throw new FormatException($"unknown escape '\\{escape}'");
                }
                continue;
            }
            builder.Append(c);
            _position++;
        }
    }

    private string ReadLiteralString(bool multiline)
    {
        _position += multiline ? 3 : 1;
        if (multiline)
            SkipFirstNewline();
        var start = _position;
        while (true)
        {
            if (_position >= _text.Length)
                throw new FormatException("unterminated string");
            var c = _text[_position];
            if (c == '\'' && (!multiline || StartsWith("'''")))
            {
                if (!multiline)
                {
                    _position++;
                    return _text[start..(_position - 1)];
                }
                var run = 0;
                while (_position + run < _text.Length && _text[_position + run] == '\'')
                    run++;
                var end = _position + Math.Min(run - 3, 2);
                _position += run;
                return _text[start..end];
            }
            if (c == '\n')
            {
                if (!multiline)
                    throw new FormatException("newline in a string");
                _line++;
            }
            _position++;
        }
    }

    private string Unicode(int digits)
    {
        if (_position + digits > _text.Length
            || !int.TryParse(_text.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code < 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            throw new FormatException("bad unicode escape");
        _position += digits;
        return char.ConvertFromUtf32(code);
    }

    private void SkipFirstNewline()
    {
        if (StartsWith("\r\n"))
            _position += 2;
        else if (StartsWith("\n"))
            _position++;
        else
            return;
        _line++;
    }

    /// <summary>Skips spaces and comments, and line breaks when <paramref name="newlines"/>.</summary>
    private void SkipBlank(bool newlines)
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t')
                _position++;
            else if (c == '#')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                    _position++;
            }
            else if (newlines && c == '\r')
                _position++;
            else if (newlines && c == '\n')
            {
                _position++;
                _line++;
            }
            else
                return;
        }
    }

    private void EndOfLine()
    {
        SkipBlank(newlines: false);
        if (_position < _text.Length && _text[_position] == '\r')
            _position++;
        if (_position < _text.Length && _text[_position] != '\n')
            throw new FormatException($"unexpected '{_text[_position]}' after a value");
    }

    private void Expect(char c)
    {
        SkipBlank(newlines: false);
        if (_position >= _text.Length || _text[_position] != c)
            throw new FormatException($"expected '{c}'");
        _position++;
    }

    private bool StartsWith(string prefix) => _text.AsSpan(_position).StartsWith(prefix, StringComparison.Ordinal);
}
