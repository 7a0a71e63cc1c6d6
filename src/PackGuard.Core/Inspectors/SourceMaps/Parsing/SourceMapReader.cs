using System.Buffers.Text;
using System.Text;

namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>
/// Reads a source map as a stream of bytes and measures it without materialising it: source
/// names are kept (bounded), each <c>sourcesContent</c> string is only measured, and everything
/// else (<c>mappings</c>, <c>names</c>, unknown keys) is skipped. Index maps (<c>sections</c>)
/// are followed to <see cref="MaxSectionDepth"/> levels. Memory stays proportional to the number
/// of sources, never to the size of the map or of any string in it.
/// </summary>
internal sealed class SourceMapReader : IJsonEventHandler
{
    /// <summary>Deepest nesting of index-map sections followed.</summary>
    public const int MaxSectionDepth = 32;

    private const int MaxSourceNameBytes = 2048;
    private const int MaxSmallStringBytes = 8192;

    private readonly JsonPushTokenizer _tokenizer;
    private readonly SourceMapDocument _document = new();
    private readonly long _maxStoredSources;
    private readonly List<Role> _containers = [];
    private readonly List<SourceMapPart> _partStack = [];
    private readonly byte[] _stringBuffer = new byte[MaxSmallStringBytes];
    private int _stringLength;
    private Role _pendingKey = Role.Skip;
    private Role _stringRole;
    private ContentMeter _meter;
    private int _skipDepth;
    private long _storedSources;
    private bool _started;
    private bool _skippingPrefixLine;

    private readonly ISourceContentObserver? _observer;

    /// <summary>Creates a reader that keeps at most <paramref name="maxStoredSources"/> source names.</summary>
    /// <param name="maxStoredSources">Source names kept; further sources are only counted.</param>
    /// <param name="observer">Receives the decoded text of every <c>sourcesContent</c> string, for inspectors that read it.</param>
    public SourceMapReader(long maxStoredSources = 1_000_000, ISourceContentObserver? observer = null)
    {
        _maxStoredSources = maxStoredSources;
        _observer = observer;
        _tokenizer = new JsonPushTokenizer(this);
    }

    private enum Role : byte
    {
        Skip,
        Map,
        Version,
        SourceRoot,
        Mappings,
        SourcesArray,
        SourceItem,
        ContentArray,
        ContentItem,
        SectionsArray,
        SectionObject,
        SectionUrl,
    }

    /// <summary>Whether feeding more input is pointless: the JSON is invalid or already complete.</summary>
    public bool Finished => _tokenizer.Error is not null || _tokenizer.IsComplete;

    /// <summary>Feeds the next chunk of the map.</summary>
    public void Write(ReadOnlySpan<byte> chunk)
    {
        if (!_started)
        {
            _started = true;
            // Maps may start with the XSSI guard ")]}'" on a line of its own (ECMA-426).
            _skippingPrefixLine = chunk.TrimStart(" \t\r\n\uFEFF"u8).StartsWith(")]}"u8);
        }
        if (_skippingPrefixLine)
        {
            var newline = chunk.IndexOf((byte)'\n');
            if (newline < 0)
                return;
            _skippingPrefixLine = false;
            chunk = chunk[(newline + 1)..];
        }
        if (!Finished)
            _tokenizer.Write(chunk);
    }

    /// <summary>Ends the input and returns what was learned.</summary>
    public SourceMapDocument Complete(bool truncated)
    {
        _document.Truncated = truncated;
        if (!truncated)
            _tokenizer.Finish();
        else if (_stringRole == Role.ContentItem && _partStack.Count > 0)
        {
            SetContent(_partStack[^1]); // keep what was measured of the string cut short
            _observer?.EndContent();
        }
        _document.Error = _tokenizer.Error;
        return _document;
    }

    void IJsonEventHandler.OnStartObject()
    {
        var role = TakeValueRole();
        switch (role)
        {
            case Role.Map when _partStack.Count <= MaxSectionDepth:
                var part = new SourceMapPart();
                _document.Parts.Add(part);
                _partStack.Add(part);
                _containers.Add(Role.Map);
                break;
            case Role.SectionObject:
                _containers.Add(Role.SectionObject);
                break;
            default:
                // A section's map beyond the depth followed is skipped, and the figures must say
                // they miss it: sources hidden there would otherwise vanish without a word.
                if (role == Role.Map)
                    _document.SectionsTooDeep = true;
                _skipDepth++;
                break;
        }
    }

    void IJsonEventHandler.OnEndObject() => EndContainer();

    void IJsonEventHandler.OnStartArray()
    {
        var role = TakeValueRole();
        var part = _partStack.Count > 0 ? _partStack[^1] : null;
        switch (role)
        {
            case Role.SourcesArray when part is not null:
                part.HasSources = true;
                _containers.Add(role);
                break;
            case Role.SectionsArray when part is not null:
                part.HasSections = true;
                _containers.Add(role);
                break;
            case Role.ContentArray:
                _containers.Add(role);
                break;
            default:
                _skipDepth++;
                break;
        }
    }

    void IJsonEventHandler.OnEndArray() => EndContainer();

    void IJsonEventHandler.OnPropertyName(ReadOnlySpan<byte> utf8Name, bool truncated)
    {
        if (_skipDepth > 0 || _containers.Count == 0)
            return;
        var container = _containers[^1];
        _pendingKey = container switch
        {
            Role.Map when !truncated => MapKey(utf8Name),
            Role.SectionObject when utf8Name.SequenceEqual("map"u8) => Role.Map,
            Role.SectionObject when utf8Name.SequenceEqual("url"u8) => Role.SectionUrl,
            _ => Role.Skip,
        };
    }

    void IJsonEventHandler.OnStringStart()
    {
        _stringRole = TakeValueRole();
        _stringLength = 0;
        _meter = default;
        if (_stringRole == Role.Mappings && _partStack.Count > 0)
            _partStack[^1].HasMappings = true;
        if (_stringRole == Role.ContentItem && _observer is not null && _partStack.Count > 0)
            _observer.BeginContent(_document.Parts.IndexOf(_partStack[^1]), _partStack[^1].Contents.Count);
    }

    void IJsonEventHandler.OnStringBytes(ReadOnlySpan<byte> utf8)
    {
        switch (_stringRole)
        {
            case Role.ContentItem:
                _meter.Add(utf8);
                _observer?.ContentBytes(utf8);
                break;
            case Role.SourceItem or Role.SourceRoot or Role.SectionUrl:
                var limit = _stringRole == Role.SourceItem ? MaxSourceNameBytes : MaxSmallStringBytes;
                var room = Math.Min(utf8.Length, limit - _stringLength);
                utf8[..room].CopyTo(_stringBuffer.AsSpan(_stringLength));
                _stringLength += room;
                break;
        }
    }

    void IJsonEventHandler.OnStringEnd()
    {
        if (_partStack.Count == 0)
            return;
        var part = _partStack[^1];
        switch (_stringRole)
        {
            case Role.ContentItem:
                SetContent(part);
                _observer?.EndContent();
                break;
            case Role.SourceItem:
                AddSource(part, DecodeString());
                break;
            case Role.SourceRoot:
                part.SourceRoot = DecodeString();
                break;
            case Role.SectionUrl:
                _document.SectionUrls.Add(DecodeString());
                break;
        }
        _stringRole = Role.Skip;
    }

    void IJsonEventHandler.OnNumber(ReadOnlySpan<byte> text)
    {
        var role = TakeValueRole();
        if (_partStack.Count == 0)
            return;
        var part = _partStack[^1];
        if (role == Role.Version && Utf8Parser.TryParse(text, out int version, out var consumed) && consumed == text.Length)
            part.Version = version;
        else
            PlaceholderFor(role, part);
    }

    void IJsonEventHandler.OnLiteral(JsonLiteral literal)
    {
        var role = TakeValueRole();
        if (_partStack.Count > 0)
            PlaceholderFor(role, _partStack[^1]);
    }

    /// <summary>Array items that are not strings still occupy an index; keep the indices aligned.</summary>
    private void PlaceholderFor(Role role, SourceMapPart part)
    {
        if (role == Role.SourceItem)
            AddSource(part, null);
        else if (role == Role.ContentItem)
            part.Contents.Add(null);
    }

    private void SetContent(SourceMapPart part) => part.Contents.Add(new SourceContent(_meter.Bytes, _meter.Lines));

    private void AddSource(SourceMapPart part, string? name)
    {
        if (_storedSources >= _maxStoredSources)
        {
            _document.SourcesBeyondBudget++;
            return;
        }
        _storedSources++;
        part.Sources.Add(name);
    }

    private string DecodeString() => Encoding.UTF8.GetString(_stringBuffer, 0, _stringLength);

    /// <summary>The role of the value that starts now, from the key or array it belongs to.</summary>
    private Role TakeValueRole()
    {
        if (_skipDepth > 0)
            return Role.Skip;
        if (_containers.Count == 0)
            return _document.Parts.Count == 0 ? Role.Map : Role.Skip;
        var container = _containers[^1];
        switch (container)
        {
            case Role.Map or Role.SectionObject:
                var key = _pendingKey;
                _pendingKey = Role.Skip;
                return key;
            case Role.SourcesArray: return Role.SourceItem;
            case Role.ContentArray: return Role.ContentItem;
            case Role.SectionsArray: return Role.SectionObject;
            default: return Role.Skip;
        }
    }

    private void EndContainer()
    {
        if (_skipDepth > 0)
        {
            _skipDepth--;
            return;
        }
        if (_containers.Count == 0)
            return;
        if (_containers[^1] == Role.Map)
            _partStack.RemoveAt(_partStack.Count - 1);
        _containers.RemoveAt(_containers.Count - 1);
    }

    private static Role MapKey(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("version"u8) => Role.Version,
        _ when name.SequenceEqual("sources"u8) => Role.SourcesArray,
        _ when name.SequenceEqual("sourcesContent"u8) => Role.ContentArray,
        _ when name.SequenceEqual("sourceRoot"u8) => Role.SourceRoot,
        _ when name.SequenceEqual("mappings"u8) => Role.Mappings,
        _ when name.SequenceEqual("sections"u8) => Role.SectionsArray,
        _ => Role.Skip,
    };
}
