namespace PackGuard.Dependencies.Text;

/// <summary>A TOML value with the line it starts on (1-based), as <see cref="TomlReader"/> reads it.</summary>
internal abstract class TomlNode
{
    protected TomlNode(int line) => Line = line;

    public int Line { get; }

    /// <summary>A scalar's text: a string's value, or a number's, boolean's or date's text as written.</summary>
    public virtual string? Text => null;

    /// <summary>The key <paramref name="key"/> of a table, or <see langword="null"/>.</summary>
    public virtual TomlNode? this[string key] => null;

    /// <summary>A table's keys and values in order, or none.</summary>
    public virtual IReadOnlyList<TomlEntry> Entries => [];

    /// <summary>An array's items (an array of tables' tables), or none.</summary>
    public virtual IReadOnlyList<TomlNode> Items => [];

    public bool IsTrue => this is TomlScalar { IsString: false, Text: "true" };
}

/// <summary>A key of a table, the line it is defined on, and its value.</summary>
internal sealed record TomlEntry(string Key, int Line, TomlNode Value);

internal sealed class TomlTable : TomlNode
{
    private readonly List<TomlEntry> _entries = [];
    private Dictionary<string, int>? _byKey;

    public TomlTable(int line, bool inline = false)
        : base(line) => Inline = inline;

    /// <summary>Defined by a <c>[header]</c> or inline (<c>{ a = 1 }</c>), rather than implied by a dotted key.</summary>
    public bool Inline { get; }

    /// <summary>Defined by its own <c>[header]</c> (a second header for the same table is an error).</summary>
    public bool Declared { get; set; }

    public override IReadOnlyList<TomlEntry> Entries => _entries;

    public override TomlNode? this[string key] => IndexOf(key) is var at and >= 0 ? _entries[at].Value : null;

    /// <summary>Adds <paramref name="key"/>; <see langword="false"/> when the table has it already (TOML forbids redefining a key).</summary>
    public bool TryAdd(string key, int line, TomlNode value)
    {
        if (IndexOf(key) >= 0)
            return false;
        _byKey?.Add(key, _entries.Count);
        _entries.Add(new TomlEntry(key, line, value));
        return true;
    }

    // Lockfile tables are small: a scan beats a dictionary until they are not.
    private int IndexOf(string key)
    {
        if (_byKey is null && _entries.Count > 8)
        {
            _byKey = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++)
                _byKey[_entries[i].Key] = i;
        }
        if (_byKey is not null)
            return _byKey.TryGetValue(key, out var at) ? at : -1;
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Key == key)
                return i;
        }
        return -1;
    }
}

internal sealed class TomlArray : TomlNode
{
    private readonly List<TomlNode> _items = [];

    public TomlArray(int line, bool ofTables = false)
        : base(line) => OfTables = ofTables;

    /// <summary>Built by <c>[[header]]</c>s rather than written as <c>[ ... ]</c>.</summary>
    public bool OfTables { get; }

    public override IReadOnlyList<TomlNode> Items => _items;

    public void Add(TomlNode item) => _items.Add(item);
}

internal sealed class TomlScalar : TomlNode
{
    private readonly string _text;

    public TomlScalar(int line, string text, bool isString)
        : base(line)
    {
        _text = text;
        IsString = isString;
    }

    public bool IsString { get; }

    public override string? Text => _text;
}
