using System.Buffers;
using System.Buffers.Text;

namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>Decodes the payload of a <c>data:</c> URL piece by piece into a destination.</summary>
internal interface IStreamingDecoder
{
    /// <summary>Decodes the next piece of payload text.</summary>
    void Write(ReadOnlySpan<byte> encoded);

    /// <summary>Flushes what is left at the end of the payload.</summary>
    void Finish();
}

/// <summary>Base64 across chunk boundaries: up to three leftover characters wait for the next piece.</summary>
internal sealed class Base64StreamDecoder(Action<ReadOnlySpan<byte>> output) : IStreamingDecoder
{
    private readonly byte[] _carry = new byte[4];
    private int _carryLength;

    public void Write(ReadOnlySpan<byte> encoded)
    {
        if (_carryLength > 0)
        {
            var take = Math.Min(4 - _carryLength, encoded.Length);
            encoded[..take].CopyTo(_carry.AsSpan(_carryLength));
            _carryLength += take;
            encoded = encoded[take..];
            if (_carryLength < 4)
                return;
            Decode(_carry, isFinal: false);
            _carryLength = 0;
        }
        var whole = encoded.Length - (encoded.Length % 4);
        if (whole > 0)
            Decode(encoded[..whole], isFinal: false);
        encoded[whole..].CopyTo(_carry);
        _carryLength = encoded.Length - whole;
    }

    public void Finish()
    {
        if (_carryLength == 0)
            return;
        // Unpadded base64 is common in data URLs; pad it so the last bytes decode.
        while (_carryLength < 4)
            _carry[_carryLength++] = (byte)'=';
        Decode(_carry, isFinal: true);
        _carryLength = 0;
    }

    private void Decode(ReadOnlySpan<byte> encoded, bool isFinal)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(encoded.Length));
        try
        {
            Base64.DecodeFromUtf8(encoded, buffer, out _, out var written, isFinal || encoded.EndsWith("="u8));
            output(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>Percent-decoding (<c>data:application/json,%7B...</c>) across chunk boundaries.</summary>
internal sealed class PercentStreamDecoder(Action<ReadOnlySpan<byte>> output) : IStreamingDecoder
{
    private readonly byte[] _pending = new byte[3];
    private int _pendingLength;

    public void Write(ReadOnlySpan<byte> encoded)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(encoded.Length + 3);
        var written = 0;
        try
        {
            foreach (var b in encoded)
            {
                if (_pendingLength > 0)
                {
                    _pending[_pendingLength++] = b;
                    if (_pendingLength < 3)
                        continue;
                    written += Flush(buffer.AsSpan(written));
                    continue;
                }
                if (b == (byte)'%')
                    _pending[_pendingLength++] = b;
                else
                    buffer[written++] = b;
            }
            output(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Finish()
    {
        if (_pendingLength > 0)
            output(_pending.AsSpan(0, _pendingLength));
        _pendingLength = 0;
    }

    private int Flush(Span<byte> destination)
    {
        _pendingLength = 0;
        var high = HexDigit.Value(_pending[1]);
        var low = HexDigit.Value(_pending[2]);
        if (high >= 0 && low >= 0)
        {
            destination[0] = (byte)((high << 4) | low);
            return 1;
        }
        _pending.AsSpan(0, 3).CopyTo(destination); // not an escape: keep the text as it was
        return 3;
    }
}
