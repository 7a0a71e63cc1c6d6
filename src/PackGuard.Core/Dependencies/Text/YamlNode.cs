namespace PackGuard.Dependencies.Text;

/// <summary>A YAML value with the line it starts on (1-based), as <see cref="YamlReader"/> reads it.</summary>
internal abstract class YamlNode
{
    protected YamlNode(int line) => Line = line;

    public int Line { get; }

    /// <summary>A scalar's value (<see langword="null"/> for <c>null</c>, <c>~</c> and nothing), else <see langword="null"/>.</summary>
    public virtual string? Text => null;

    /// <summary>The entry <paramref name="key"/> of a mapping, or <see langword="null"/>.</summary>
    public virtual YamlNode? this[string key] => null;

    /// <summary>A mapping's entries in order, or none.</summary>
    public virtual IReadOnlyList<YamlEntry> Entries => [];

    /// <summary>A sequence's items, or none.</summary>
    public virtual IReadOnlyList<YamlNode> Items => [];

    public bool IsTrue => Text is "true" or "True" or "TRUE";
}

/// <summary>A mapping entry: its key, the key's line, and the value.</summary>
internal sealed record YamlEntry(string Key, int Line, YamlNode Value);

internal sealed class YamlMap : YamlNode
{
    private readonly List<YamlEntry> _entries = [];
    private Dictionary<string, YamlNode>? _byKey;

    public YamlMap(int line)
        : base(line)
    {
    }

    public override IReadOnlyList<YamlEntry> Entries => _entries;

    public void Add(YamlEntry entry)
    {
        _entries.Add(entry);
        _byKey = null;
    }

    // A repeated key is an error in YAML; the last one wins, as in js-yaml's lenient mode.
    public override YamlNode? this[string key]
    {
        get
        {
            if (_entries.Count <= 8)
            {
                for (var i = _entries.Count - 1; i >= 0; i--)
                {
                    if (_entries[i].Key == key)
                        return _entries[i].Value;
                }
                return null;
            }
            if (_byKey is null)
            {
                _byKey = new Dictionary<string, YamlNode>(_entries.Count, StringComparer.Ordinal);
                foreach (var entry in _entries)
                    _byKey[entry.Key] = entry.Value;
            }
            return _byKey.GetValueOrDefault(key);
        }
    }
}

internal sealed class YamlSequence : YamlNode
{
    private readonly List<YamlNode> _items = [];

    public YamlSequence(int line)
        : base(line)
    {
    }

    public override IReadOnlyList<YamlNode> Items => _items;

    public void Add(YamlNode item) => _items.Add(item);
}

internal sealed class YamlScalar : YamlNode
{
    private readonly string? _text;

    public YamlScalar(int line, string? text)
        : base(line) => _text = text;

    public override string? Text => _text;
}
