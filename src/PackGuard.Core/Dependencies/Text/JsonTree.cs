using System.Text;
using System.Text.Json;

namespace PackGuard.Dependencies.Text;

/// <summary>A JSON value with the line it starts on (1-based).</summary>
internal abstract class JsonTree
{
    protected JsonTree(int line) => Line = line;

    public int Line { get; }

    /// <summary>The value as a string when it is a string, a number or a boolean (their text), else <see langword="null"/>.</summary>
    public virtual string? Text => null;

    /// <summary>The member <paramref name="key"/> of an object, or <see langword="null"/>.</summary>
    public virtual JsonTree? this[string key] => null;

    /// <summary>An object's members, or none.</summary>
    public virtual IReadOnlyList<JsonMember> Members => [];

    /// <summary>An array's items, or none.</summary>
    public virtual IReadOnlyList<JsonTree> Items => [];

    public bool IsTrue => this is JsonScalar { Kind: JsonTokenType.True };

    /// <summary>
    /// Parses <paramref name="utf8"/> into a tree that knows each value's line. JSON that is
    /// malformed, not UTF-8, or nested deeper than <paramref name="maxDepth"/> throws
    /// <see cref="JsonException"/>. Comments and trailing commas are tolerated.
    /// </summary>
    public static JsonTree Parse(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        utf8 = FileText.WithoutBom(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = maxDepth,
        });
        var lines = new LineCounter();
        if (!reader.Read())
            throw new JsonException("the file is empty");
        var root = ReadValue(ref reader, utf8, ref lines);
        if (reader.Read())
            throw new JsonException($"unexpected text after the JSON value (line {lines.LineAt(utf8, (int)reader.TokenStartIndex)})");
        return root;
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, ref LineCounter lines)
    {
        var line = lines.LineAt(utf8, (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var members = new List<JsonMember>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var keyLine = lines.LineAt(utf8, (int)reader.TokenStartIndex);
                    var key = reader.GetString()!;
                    reader.Read();
                    members.Add(new JsonMember(key, keyLine, ReadValue(ref reader, utf8, ref lines)));
                }
                return new JsonObject(line, members);
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<JsonTree>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, utf8, ref lines));
                return new JsonArray(line, items);
            }
            case JsonTokenType.String:
                return new JsonScalar(line, JsonTokenType.String, reader.GetString());
            case JsonTokenType.Number:
                return new JsonScalar(line, JsonTokenType.Number, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JsonScalar(line, JsonTokenType.True, "true");
            case JsonTokenType.False:
                return new JsonScalar(line, JsonTokenType.False, "false");
            default:
                return new JsonScalar(line, JsonTokenType.Null, null);
        }
    }

    /// <summary>Turns increasing byte offsets into line numbers, counting each byte once.</summary>
    private struct LineCounter
    {
        private int _offset;
        private int _line;

        public int LineAt(ReadOnlySpan<byte> utf8, int offset)
        {
            if (_line == 0)
                _line = 1;
            if (offset > _offset)
            {
                _line += utf8[_offset..offset].Count((byte)'\n');
                _offset = offset;
            }
            return _line;
        }
    }
}

/// <summary>An object member: its key, the line of the key, and its value.</summary>
internal sealed record JsonMember(string Key, int Line, JsonTree Value);

internal sealed class JsonObject : JsonTree
{
    private readonly List<JsonMember> _members;
    private Dictionary<string, JsonTree>? _byKey;

    public JsonObject(int line, List<JsonMember> members)
        : base(line) => _members = members;

    public override IReadOnlyList<JsonMember> Members => _members;

    // Duplicate keys: the last one wins, as in JavaScript's JSON.parse, which npm uses.
    public override JsonTree? this[string key]
    {
        get
        {
            if (_members.Count <= 8)
            {
                for (var i = _members.Count - 1; i >= 0; i--)
                {
                    if (_members[i].Key == key)
                        return _members[i].Value;
                }
                return null;
            }
            if (_byKey is null)
            {
                _byKey = new Dictionary<string, JsonTree>(_members.Count, StringComparer.Ordinal);
                foreach (var member in _members)
                    _byKey[member.Key] = member.Value;
            }
            return _byKey.GetValueOrDefault(key);
        }
    }
}

internal sealed class JsonArray : JsonTree
{
    private readonly List<JsonTree> _items;

    public JsonArray(int line, List<JsonTree> items)
        : base(line) => _items = items;

    public override IReadOnlyList<JsonTree> Items => _items;
}

internal sealed class JsonScalar : JsonTree
{
    private readonly string? _text;

    public JsonScalar(int line, JsonTokenType kind, string? text)
        : base(line)
    {
        Kind = kind;
        _text = text;
    }

    public JsonTokenType Kind { get; }

    public override string? Text => _text;
}
