using System.Globalization;
using System.Text;

namespace PackGuard.Dependencies.Text;

/// <summary>
/// Reads the YAML that lockfiles are written in (pnpm-lock.yaml, Yarn Berry's yarn.lock): block
/// mappings and sequences, plain, single- and double-quoted scalars, flow mappings and sequences
/// (<c>{integrity: sha512-..., tarball: ...}</c>, <c>[x64]</c>), explicit <c>? key</c> entries,
/// block scalars, comments and several documents. Anchors, aliases and tags are read as plain
/// text (lockfile writers do not emit them). Malformed lines become problems and are skipped; the
/// reader never throws on content and its time is linear in the text.
/// </summary>
internal sealed class YamlReader
{
    private const int MaxFlowLines = 1000;

    private readonly List<Line> _lines;
    private readonly int _maxDepth;
    private readonly Action<string, int> _problem;
    private int _i;

    private YamlReader(List<Line> lines, int maxDepth, Action<string, int> problem)
    {
        _lines = lines;
        _maxDepth = maxDepth;
        _problem = problem;
    }

    /// <summary>The documents of <paramref name="text"/> (usually one); <paramref name="problem"/> hears each malformed line.</summary>
    public static IReadOnlyList<YamlNode> Parse(string text, int maxDepth, Action<string, int> problem)
    {
        var documents = new List<YamlNode>();
        foreach (var lines in SplitDocuments(text))
        {
            var reader = new YamlReader(lines, maxDepth, problem);
            if (reader.ReadDocument() is { } root)
                documents.Add(root);
        }
        return documents;
    }

    private readonly record struct Line(int Indent, string Content, int Number);

    private static List<List<Line>> SplitDocuments(string text)
    {
        var documents = new List<List<Line>> { new() };
        var number = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            number++;
            var raw = text.AsSpan(start, end - start).TrimEnd('\r');
            start = end + 1;
            var indent = 0;
            while (indent < raw.Length && raw[indent] is ' ' or '\t')
                indent++;
            var content = raw[indent..].TrimEnd();
            if (content.IsEmpty || content[0] == '#')
                continue;
            if (indent == 0 && (content.SequenceEqual("---") || content.StartsWith("--- ")))
            {
                if (documents[^1].Count > 0)
                    documents.Add([]);
                var after = content[3..].Trim();
                if (!after.IsEmpty && after[0] != '#')
                    documents[^1].Add(new Line(0, after.ToString(), number));
                continue;
            }
            if (indent == 0 && (content.SequenceEqual("...") || content[0] == '%'))
                continue;
            documents[^1].Add(new Line(indent, content.ToString(), number));
        }
        return documents;
    }

    private YamlNode? ReadDocument()
    {
        YamlNode? root = null;
        while (_i < _lines.Count)
        {
            var before = _i;
            var node = ReadNode(_lines[_i].Indent, 0);
            if (root is null)
                root = node;
            else if (root is YamlMap map && node is YamlMap more)
            {
                foreach (var entry in more.Entries)
                    map.Add(entry);
            }
            else if (node is not null)
                _problem("unexpected content after the document's root value", node.Line);
            if (_i == before)
            {
                _problem($"cannot read {Quote(_lines[_i].Content)}", _lines[_i].Number);
                _i++;
            }
        }
        return root;
    }

    private YamlNode? ReadNode(int indent, int depth)
    {
        if (_i >= _lines.Count || _lines[_i].Indent < indent)
            return null;
        var line = _lines[_i];
        if (depth > _maxDepth)
        {
            _problem($"nested more than {_maxDepth} levels deep; the rest of the block was skipped", line.Number);
            while (_i < _lines.Count && _lines[_i].Indent >= indent)
                _i++;
            return null;
        }
        if (IsSequenceItem(line.Content))
            return ReadSequence(line.Indent, depth);
        if (line.Content.StartsWith("? ", StringComparison.Ordinal) || SplitKey(line.Content) is not null)
            return ReadMap(line.Indent, depth);
        _i++;
        return ReadValue(line.Content, line.Indent - 1, line.Number, depth);
    }

    private YamlMap ReadMap(int indent, int depth)
    {
        var map = new YamlMap(_lines[_i].Number);
        while (_i < _lines.Count)
        {
            var line = _lines[_i];
            if (line.Indent < indent || (line.Indent == indent && IsSequenceItem(line.Content)))
                break;
            if (line.Indent > indent)
            {
                _problem($"unexpected indentation: {Quote(line.Content)}", line.Number);
                _i++;
                continue;
            }
            if (line.Content.StartsWith("? ", StringComparison.Ordinal))
            {
                _i++;
                var explicitKey = ReadValue(line.Content[2..], indent, line.Number, depth + 1).Text ?? "";
                var value = (YamlNode)new YamlScalar(line.Number, null);
                if (_i < _lines.Count && _lines[_i].Indent == indent && _lines[_i].Content.StartsWith(':'))
                {
                    var valueLine = _lines[_i];
                    _i++;
                    value = ReadValue(valueLine.Content[1..], indent, valueLine.Number, depth + 1);
                }
                map.Add(new YamlEntry(explicitKey, line.Number, value));
                continue;
            }
            if (SplitKey(line.Content) is not var (key, rest))
            {
                _problem($"expected 'key: value', found {Quote(line.Content)}", line.Number);
                _i++;
                continue;
            }
            _i++;
            map.Add(new YamlEntry(key, line.Number, ReadValue(rest, indent, line.Number, depth + 1)));
        }
        return map;
    }

    private YamlSequence ReadSequence(int indent, int depth)
    {
        var sequence = new YamlSequence(_lines[_i].Number);
        while (_i < _lines.Count && _lines[_i].Indent == indent && IsSequenceItem(_lines[_i].Content))
        {
            var line = _lines[_i];
            var rest = line.Content.Length > 1 ? line.Content[2..] : "";
            var trimmed = rest.TrimStart();
            var column = indent + 2 + (rest.Length - trimmed.Length);
            if (trimmed.Length > 0 && trimmed[0] != '#' && (IsSequenceItem(trimmed) || (trimmed[0] is not ('{' or '[') && SplitKey(trimmed) is not null)))
            {
                // "- key: value" opens a mapping whose entries line up with "key".
                _lines[_i] = new Line(column, trimmed, line.Number);
                sequence.Add(ReadNode(column, depth + 1) ?? new YamlScalar(line.Number, null));
                continue;
            }
            _i++;
            sequence.Add(ReadValue(trimmed, indent, line.Number, depth + 1));
        }
        return sequence;
    }

    /// <summary>The value after a key or a dash; nested blocks are the lines indented more than <paramref name="parentIndent"/>.</summary>
    private YamlNode ReadValue(string rest, int parentIndent, int lineNumber, int depth)
    {
        rest = rest.Trim();
        if (rest.Length == 0 || rest[0] == '#')
        {
            if (_i < _lines.Count && _lines[_i].Indent > parentIndent)
                return ReadNode(_lines[_i].Indent, depth) ?? new YamlScalar(lineNumber, null);
            if (_i < _lines.Count && _lines[_i].Indent == parentIndent && parentIndent >= 0 && IsSequenceItem(_lines[_i].Content))
                return ReadSequence(parentIndent, depth);
            return new YamlScalar(lineNumber, null);
        }
        switch (rest[0])
        {
            case '|' or '>':
                return ReadBlockScalar(rest[0] == '|', parentIndent, lineNumber);
            case '{' or '[':
            {
                var text = JoinContinuation(rest, parentIndent);
                try
                {
                    var position = 0;
                    var node = ReadFlow(text, ref position, lineNumber, depth);
                    SkipSpaces(text, ref position);
                    if (position < text.Length && text[position] != '#')
                        _problem($"unexpected text after a flow value: {Quote(text[position..])}", lineNumber);
                    return node;
                }
                catch (FormatException e)
                {
                    _problem(e.Message, lineNumber);
                    return new YamlScalar(lineNumber, text);
                }
            }
            case '"' or '\'':
            {
                var text = JoinContinuation(rest, parentIndent);
                var position = 0;
                try
                {
                    var value = ReadQuoted(text, ref position);
                    SkipSpaces(text, ref position);
                    if (position < text.Length && text[position] != '#')
                        _problem($"unexpected text after a quoted value: {Quote(text[position..])}", lineNumber);
                    return new YamlScalar(lineNumber, value);
                }
                catch (FormatException e)
                {
                    _problem(e.Message, lineNumber);
                    return new YamlScalar(lineNumber, text);
                }
            }
            default:
            {
                var text = WithoutComment(rest);
                // A plain scalar may go on over more-indented lines, folded with spaces.
                // A more-indented "key: value" after a scalar is malformed, not a continuation.
                while (_i < _lines.Count && _lines[_i].Indent > parentIndent && parentIndent >= 0 && SplitKey(_lines[_i].Content) is null)
                {
                    text += " " + WithoutComment(_lines[_i].Content);
                    _i++;
                }
                return new YamlScalar(lineNumber, text is "null" or "~" or "Null" or "NULL" ? null : text);
            }
        }
    }

    private YamlScalar ReadBlockScalar(bool literal, int parentIndent, int lineNumber)
    {
        var parts = new List<string>();
        while (_i < _lines.Count && _lines[_i].Indent > parentIndent)
        {
            parts.Add(_lines[_i].Content);
            _i++;
        }
        return new YamlScalar(lineNumber, string.Join(literal ? "\n" : " ", parts));
    }

    /// <summary>
    /// A flow or quoted value that goes on over the following more-indented lines, joined with
    /// spaces until its brackets or quotes close. Each line is scanned once.
    /// </summary>
    private string JoinContinuation(string first, int parentIndent)
    {
        var scanner = new ClosingScanner();
        if (scanner.Feed(first))
            return first;
        var builder = new StringBuilder(first);
        var joined = 0;
        while (_i < _lines.Count && _lines[_i].Indent > parentIndent && joined < MaxFlowLines)
        {
            builder.Append(' ');
            var done = scanner.Feed(" " + _lines[_i].Content);
            builder.Append(_lines[_i].Content);
            _i++;
            joined++;
            if (done)
                break;
        }
        return builder.ToString();
    }

    private YamlNode ReadFlow(string text, ref int position, int line, int depth)
    {
        if (depth > _maxDepth)
            throw new FormatException($"flow value nested more than {_maxDepth} levels deep");
        SkipSpaces(text, ref position);
        if (position >= text.Length)
            return new YamlScalar(line, null);
        switch (text[position])
        {
            case '{':
            {
                position++;
                var map = new YamlMap(line);
                while (true)
                {
                    SkipSpaces(text, ref position);
                    if (position >= text.Length)
                        throw new FormatException("unterminated flow mapping");
                    if (text[position] == '}')
                    {
                        position++;
                        return map;
                    }
                    var key = text[position] is '"' or '\'' ? ReadQuoted(text, ref position) : ReadPlainFlow(text, ref position, key: true);
                    SkipSpaces(text, ref position);
                    YamlNode value = new YamlScalar(line, null);
                    if (position < text.Length && text[position] == ':')
                    {
                        position++;
                        value = ReadFlow(text, ref position, line, depth + 1);
                    }
                    map.Add(new YamlEntry(key ?? "", line, value));
                    SkipSpaces(text, ref position);
                    if (position < text.Length && text[position] == ',')
                        position++;
                    else if (position >= text.Length || text[position] != '}')
                        throw new FormatException("expected ',' or '}' in a flow mapping");
                }
            }
            case '[':
            {
                position++;
                var sequence = new YamlSequence(line);
                while (true)
                {
                    SkipSpaces(text, ref position);
                    if (position >= text.Length)
                        throw new FormatException("unterminated flow sequence");
                    if (text[position] == ']')
                    {
                        position++;
                        return sequence;
                    }
                    sequence.Add(ReadFlow(text, ref position, line, depth + 1));
                    SkipSpaces(text, ref position);
                    if (position < text.Length && text[position] == ',')
                        position++;
                    else if (position >= text.Length || text[position] != ']')
                        throw new FormatException("expected ',' or ']' in a flow sequence");
                }
            }
            case '"' or '\'':
                return new YamlScalar(line, ReadQuoted(text, ref position));
            default:
            {
                var plain = ReadPlainFlow(text, ref position, key: false);
                return new YamlScalar(line, plain is "null" or "~" ? null : plain);
            }
        }
    }

    private static string? ReadPlainFlow(string text, ref int position, bool key)
    {
        var start = position;
        while (position < text.Length)
        {
            var c = text[position];
            if (c is ',' or '}' or ']' or '{' or '[')
                break;
            if (key && c == ':' && (position + 1 >= text.Length || text[position + 1] is ' ' or ',' or '}'))
                break;
            if (c == '#' && position > start && text[position - 1] == ' ')
                break;
            position++;
        }
        var value = text[start..position].Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A single- or double-quoted scalar at <paramref name="position"/>, its escapes decoded.</summary>
    private static string ReadQuoted(string text, ref int position)
    {
        var quote = text[position];
        var builder = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == quote)
            {
                if (quote == '\'' && position + 1 < text.Length && text[position + 1] == '\'')
                {
                    builder.Append('\'');
                    position += 2;
                    continue;
                }
                position++;
                return builder.ToString();
            }
            if (c == '\\' && quote == '"' && position + 1 < text.Length)
            {
                position++;
                var escape = text[position];
                position++;
                switch (escape)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case '0': builder.Append('\0'); break;
                    case ' ': builder.Append(' '); break;
                    case 'x': builder.Append(Hex(text, ref position, 2)); break;
                    case 'u': builder.Append(Hex(text, ref position, 4)); break;
                    case 'U': builder.Append(Hex(text, ref position, 8)); break;
                    default: builder.Append(escape); break;
                }
                continue;
            }
            builder.Append(c);
            position++;
        }
        throw new FormatException("unterminated quoted string");
    }

    private static string Hex(string text, ref int position, int digits)
    {
        if (position + digits > text.Length
            || !int.TryParse(text.AsSpan(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code < 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            throw new FormatException("bad escape in a quoted string");
        position += digits;
        return char.ConvertFromUtf32(code);
    }

    /// <summary>The key and the rest of a <c>key: value</c> line, or <see langword="null"/> when the line is no such thing.</summary>
    internal static (string Key, string After)? SplitKey(string content)
    {
        if (content.Length == 0)
            return null;
        if (content[0] is '"' or '\'')
        {
            var position = 0;
            string key;
            try
            {
                key = ReadQuoted(content, ref position);
            }
            catch (FormatException)
            {
                return null;
            }
            SkipSpaces(content, ref position);
            if (position < content.Length && content[position] == ':' && (position + 1 == content.Length || content[position + 1] == ' '))
                return (key, content[(position + 1)..]);
            return null;
        }
        if (content[0] is '{' or '[' or '#' or '|' or '>')
            return null;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] is ' ' or '\t'))
                return (content[..i].TrimEnd(), content[(i + 1)..]);
            if (content[i] == '#' && i > 0 && content[i - 1] == ' ')
                return null;
        }
        return null;
    }

    private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

    private static string WithoutComment(string plain)
    {
        var hash = plain.IndexOf(" #", StringComparison.Ordinal);
        return (hash < 0 ? plain : plain[..hash]).Trim();
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
            position++;
    }

    private static string Quote(string text) => text.Length <= 80 ? $"'{text}'" : $"'{text[..80]}...'";

    /// <summary>Follows brackets and quotes across the pieces of a value until the first opened one closes.</summary>
    private struct ClosingScanner
    {
        private int _depth;
        private char _quote;
        private bool _escaped;
        private bool _started;

        public bool Feed(string piece)
        {
            foreach (var c in piece)
            {
                if (_quote != '\0')
                {
                    if (_escaped)
                        _escaped = false;
                    else if (c == '\\' && _quote == '"')
                        _escaped = true;
                    else if (c == _quote)
                    {
                        _quote = '\0';
                        if (_depth == 0)
                            return true;
                    }
                    continue;
                }
                if (c is '"' or '\'')
                {
                    // A doubled single quote inside single quotes is an escaped quote: closing then
                    // reopening here gives the same result.
                    _quote = c;
                    _started = true;
                }
                else if (c is '{' or '[')
                {
                    _depth++;
                    _started = true;
                }
                else if (c is '}' or ']' && _started && --_depth <= 0)
                    return true;
            }
            return false;
        }
    }
}
