using System.Text;

namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>
/// String scanning: literal runs are found with a vectorised search and handed on whole; escapes
/// (including <c>\uXXXX</c> split across chunks and surrogate pairs) are decoded to UTF-8.
/// </summary>
internal sealed partial class JsonPushTokenizer
{
    private int ScanString(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length)
        {
            if (_escape != EscapeState.None)
            {
                i = ScanEscape(data, i);
                if (_state == State.Failed)
                    return i;
                continue;
            }
            var rest = data[i..];
            var stop = rest.IndexOfAny(StringStops);
            var run = stop < 0 ? rest : rest[..stop];
            if (!run.IsEmpty)
                EmitStringBytes(run);
            if (stop < 0)
                return data.Length;
            i += stop + 1;
            if (rest[stop] == (byte)'\\')
            {
                _escape = EscapeState.Backslash;
                continue;
            }
            FlushPendingSurrogate();
            if (_inKey)
            {
                _handler.OnPropertyName(_name.AsSpan(0, _nameLength), _nameTruncated);
                _state = State.Colon;
            }
            else
            {
                _handler.OnStringEnd();
                ValueEnded();
            }
            return i;
        }
        return i;
    }

    private int ScanEscape(ReadOnlySpan<byte> data, int i)
    {
        if (_escape == EscapeState.Backslash)
        {
            var b = data[i];
            byte decoded;
            switch (b)
            {
                case (byte)'n': decoded = (byte)'\n'; break;
                case (byte)'r': decoded = (byte)'\r'; break;
                case (byte)'t': decoded = (byte)'\t'; break;
                case (byte)'b': decoded = 0x08; break;
                case (byte)'f': decoded = 0x0C; break;
                case (byte)'"': decoded = (byte)'"'; break;
                case (byte)'\\': decoded = (byte)'\\'; break;
                case (byte)'/': decoded = (byte)'/'; break;
                case (byte)'u':
                    _escape = EscapeState.Unicode;
                    _unicodeValue = 0;
                    _unicodeDigits = 0;
                    return i + 1;
                default:
                    return Fail($"invalid escape '\\{(char)b}' at byte {_offset + i}");
            }
            _escape = EscapeState.None;
            EmitStringBytes([decoded]);
            return i + 1;
        }

        while (i < data.Length && _unicodeDigits < 4)
        {
            var digit = HexDigit.Value(data[i]);
            if (digit < 0)
                return Fail($"invalid \\u escape at byte {_offset + i}");
            _unicodeValue = (_unicodeValue << 4) | digit;
            _unicodeDigits++;
            i++;
        }
        if (_unicodeDigits == 4)
        {
            _escape = EscapeState.None;
            EmitCodeUnit(_unicodeValue);
        }
        return i;
    }

    // Surrogate pairs arrive as two \u escapes; a lone surrogate decodes to U+FFFD as UTF-8 decoders do.
    private void EmitCodeUnit(int unit)
    {
        if (unit is >= 0xD800 and <= 0xDBFF)
        {
            FlushPendingSurrogate();
            _pendingHighSurrogate = unit;
            return;
        }
        if (unit is >= 0xDC00 and <= 0xDFFF)
        {
            if (_pendingHighSurrogate < 0)
            {
                AppendDecoded(0xFFFD);
                return;
            }
            var scalar = 0x10000 + ((_pendingHighSurrogate - 0xD800) << 10) + (unit - 0xDC00);
            _pendingHighSurrogate = -1;
            AppendDecoded(scalar);
            return;
        }
        FlushPendingSurrogate();
        AppendDecoded(unit);
    }

    private void FlushPendingSurrogate()
    {
        if (_pendingHighSurrogate < 0)
            return;
        _pendingHighSurrogate = -1;
        AppendDecoded(0xFFFD);
    }

    private void AppendDecoded(int scalar)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var length = new Rune(scalar).EncodeToUtf8(utf8);
        AppendRaw(utf8[..length]);
    }

    private void EmitStringBytes(ReadOnlySpan<byte> bytes)
    {
        FlushPendingSurrogate();
        AppendRaw(bytes);
    }

    private void AppendRaw(ReadOnlySpan<byte> bytes)
    {
        if (!_inKey)
        {
            _handler.OnStringBytes(bytes);
            return;
        }
        var room = Math.Min(bytes.Length, MaxNameLength - _nameLength);
        bytes[..room].CopyTo(_name.AsSpan(_nameLength));
        _nameLength += room;
        _nameTruncated |= room < bytes.Length;
    }
}
