using System.Buffers;

namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>
/// A push-mode JSON tokenizer: bytes go in as they are decompressed, events come out. Unlike
/// <c>Utf8JsonReader</c> it never needs a whole token in memory, so a 500 MB string costs nothing
/// extra, and its nesting stack is a byte per level, so hostile depth cannot overflow anything.
/// It validates the grammar and stops at the first error (see <see cref="Error"/>).
/// </summary>
internal sealed partial class JsonPushTokenizer
{
    /// <summary>Longest property name kept in full; longer ones are reported truncated.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest number text kept.</summary>
    public const int MaxNumberLength = 64;

    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> NumberBytes = SearchValues.Create("0123456789+-.eE"u8);
    private static readonly byte[] TrueText = "true"u8.ToArray();
    private static readonly byte[] FalseText = "false"u8.ToArray();
    private static readonly byte[] NullText = "null"u8.ToArray();

    private readonly IJsonEventHandler _handler;
    private readonly int _maxDepth;
    private readonly byte[] _name = new byte[MaxNameLength];
    private readonly byte[] _number = new byte[MaxNumberLength];
    private byte[] _containers = new byte[64];
    private int _depth;
    private State _state = State.Start;
    private bool _afterOpenBracket;
    private bool _inKey;
    private int _nameLength;
    private bool _nameTruncated;
    private int _numberLength;
    private EscapeState _escape;
    private int _unicodeValue;
    private int _unicodeDigits;
    private int _pendingHighSurrogate = -1;
    private byte[] _literalText = [];
    private JsonLiteral _literal;
    private int _literalPosition;
    private long _offset;

    /// <summary>Creates a tokenizer that reports to <paramref name="handler"/>.</summary>
    public JsonPushTokenizer(IJsonEventHandler handler, int maxDepth = 4096)
    {
        _handler = handler;
        _maxDepth = maxDepth;
    }

    private enum State : byte { Start, Value, Key, Colon, AfterValue, String, Number, Literal, Done, Failed }

    private enum EscapeState : byte { None, Backslash, Unicode }

    /// <summary>Why the input is not valid JSON, or <see langword="null"/> while it still is.</summary>
    public string? Error { get; private set; }

    /// <summary>Whether one complete top-level value has been read.</summary>
    public bool IsComplete => _state == State.Done;

    /// <summary>Feeds the next chunk of input.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (i < data.Length && _state != State.Failed)
        {
            switch (_state)
            {
                case State.String:
                    i = ScanString(data, i);
                    break;
                case State.Number:
                    i = ScanNumber(data, i);
                    break;
                case State.Literal:
                    i = ScanLiteral(data, i);
                    break;
                default:
                    i = ScanStructure(data, i);
                    break;
            }
        }
        _offset += data.Length;
    }

    /// <summary>Signals the end of input; reports an error if the value is incomplete.</summary>
    public void Finish()
    {
        if (_state == State.Number)
        {
            EmitNumber();
            if (_depth == 0)
                _state = State.Done;
        }
        if (_state is not (State.Done or State.Failed))
            Fail(_state == State.Start ? "the input is empty" : "the input ends in the middle of a value");
    }

    private int ScanStructure(ReadOnlySpan<byte> data, int i)
    {
        var b = data[i];
        if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            return i + 1;
        switch (_state)
        {
            case State.Start:
                // A UTF-8 byte order mark may precede the value.
                if (b == 0xEF && _offset + i == 0 && data.Length >= i + 3 && data[i + 1] == 0xBB && data[i + 2] == 0xBF)
                    return i + 3;
                _state = State.Value;
                return StartValue(b, i);
            case State.Value:
                return StartValue(b, i);
            case State.Key:
                if (b == (byte)'"')
                {
                    _inKey = true;
                    _nameLength = 0;
                    _nameTruncated = false;
                    _state = State.String;
                    return i + 1;
                }
                if (b == (byte)'}' && _afterOpenBracket)
                    return CloseContainer(isObject: true, i);
                return Fail($"expected a property name at byte {_offset + i}");
            case State.Colon:
                if (b != (byte)':')
                    return Fail($"expected ':' at byte {_offset + i}");
                _state = State.Value;
                _afterOpenBracket = false;
                return i + 1;
            case State.AfterValue:
                if (b == (byte)',')
                {
                    _afterOpenBracket = false;
                    _state = TopIsObject ? State.Key : State.Value;
                    return i + 1;
                }
                if (b == (byte)'}' && _depth > 0 && TopIsObject)
                    return CloseContainer(isObject: true, i);
                if (b == (byte)']' && _depth > 0 && !TopIsObject)
                    return CloseContainer(isObject: false, i);
                return Fail($"expected ',' or the end of a container at byte {_offset + i}");
            case State.Done:
                return Fail($"unexpected data after the end of the JSON value at byte {_offset + i}");
            default:
                return Fail("internal tokenizer state error");
        }
    }

    private int StartValue(byte b, int i)
    {
        switch (b)
        {
            case (byte)'{':
                if (!Push(isObject: true))
                    return i;
                _handler.OnStartObject();
                _state = State.Key;
                _afterOpenBracket = true;
                return i + 1;
            case (byte)'[':
                if (!Push(isObject: false))
                    return i;
                _handler.OnStartArray();
                _state = State.Value;
                _afterOpenBracket = true;
                return i + 1;
            case (byte)']' when _afterOpenBracket && _depth > 0 && !TopIsObject:
                return CloseContainer(isObject: false, i);
            case (byte)'"':
                _inKey = false;
                _handler.OnStringStart();
                _state = State.String;
                return i + 1;
            case (byte)'t':
                return StartLiteral(JsonLiteral.True, TrueText, i);
            case (byte)'f':
                return StartLiteral(JsonLiteral.False, FalseText, i);
            case (byte)'n':
                return StartLiteral(JsonLiteral.Null, NullText, i);
            default:
                if (b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9'))
                {
                    _numberLength = 0;
                    _state = State.Number;
                    return i;
                }
                return Fail($"unexpected character '{(char)b}' at byte {_offset + i}");
        }
    }

    private int StartLiteral(JsonLiteral literal, byte[] text, int i)
    {
        _literal = literal;
        _literalText = text;
        _literalPosition = 1;
        _state = State.Literal;
        return i + 1;
    }

    private int ScanLiteral(ReadOnlySpan<byte> data, int i)
    {
        var text = _literalText;
        while (i < data.Length && _literalPosition < text.Length)
        {
            if (data[i] != text[_literalPosition])
                return Fail($"invalid literal at byte {_offset + i}");
            _literalPosition++;
            i++;
        }
        if (_literalPosition == text.Length)
        {
            _handler.OnLiteral(_literal);
            ValueEnded();
        }
        return i;
    }

    private int ScanNumber(ReadOnlySpan<byte> data, int i)
    {
        var rest = data[i..];
        var end = rest.IndexOfAnyExcept(NumberBytes);
        var digits = end < 0 ? rest : rest[..end];
        var room = Math.Min(digits.Length, MaxNumberLength - _numberLength);
        digits[..room].CopyTo(_number.AsSpan(_numberLength));
        _numberLength += room;
        if (end < 0)
            return data.Length;
        EmitNumber();
        ValueEnded();
        return i + end;
    }

    private void EmitNumber() => _handler.OnNumber(_number.AsSpan(0, _numberLength));

    private bool Push(bool isObject)
    {
        if (_depth >= _maxDepth)
        {
            Fail($"nesting deeper than {_maxDepth} levels");
            return false;
        }
        if (_depth == _containers.Length)
            Array.Resize(ref _containers, _containers.Length * 2);
        _containers[_depth++] = isObject ? (byte)1 : (byte)0;
        return true;
    }

    private bool TopIsObject => _containers[_depth - 1] == 1;

    private int CloseContainer(bool isObject, int i)
    {
        _depth--;
        if (isObject)
            _handler.OnEndObject();
        else
            _handler.OnEndArray();
        ValueEnded();
        return i + 1;
    }

    private void ValueEnded()
    {
        _afterOpenBracket = false;
        _state = _depth == 0 ? State.Done : State.AfterValue;
    }

    private int Fail(string message)
    {
        Error ??= message;
        _state = State.Failed;
        return int.MaxValue;
    }
}
