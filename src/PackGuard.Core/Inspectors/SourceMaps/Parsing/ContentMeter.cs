namespace PackGuard.Inspectors.SourceMaps.Parsing;

/// <summary>
/// Measures decoded text as it streams past: UTF-8 bytes and lines. A line count is the number of
/// line breaks (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>), plus one when the text is non-empty
/// and does not end with a break.
/// </summary>
internal struct ContentMeter
{
    private long _bytes;
    private long _breaks;
    private bool _pendingCarriageReturn;
    private byte _last;

    /// <summary>Adds the next piece of text.</summary>
    public void Add(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
            return;
        _bytes += utf8.Length;
        if (_pendingCarriageReturn && utf8[0] != (byte)'\n')
            _breaks++;
        _pendingCarriageReturn = false;
        _breaks += utf8.Count((byte)'\n');
        if (utf8.Contains((byte)'\r'))
            _breaks += LoneCarriageReturns(utf8, out _pendingCarriageReturn);
        _last = utf8[^1];
    }

    /// <summary>Decoded bytes so far.</summary>
    public readonly long Bytes => _bytes;

    /// <summary>Lines of the text seen so far, as if it ended here.</summary>
    public readonly long Lines
    {
        get
        {
            var breaks = _breaks + (_pendingCarriageReturn ? 1 : 0);
            var endsWithBreak = _last is (byte)'\n' or (byte)'\r';
            return breaks + (_bytes > 0 && !endsWithBreak ? 1 : 0);
        }
    }

    // Counts '\r' not followed by '\n'; a '\r' at the very end is decided by the next piece.
    private static long LoneCarriageReturns(ReadOnlySpan<byte> utf8, out bool endsWithCarriageReturn)
    {
        long count = 0;
        var index = utf8.IndexOf((byte)'\r');
        while (index >= 0)
        {
            if (index + 1 < utf8.Length && utf8[index + 1] != (byte)'\n')
                count++;
            var next = utf8[(index + 1)..].IndexOf((byte)'\r');
            index = next < 0 ? -1 : index + 1 + next;
        }
        endsWithCarriageReturn = utf8[^1] == (byte)'\r';
        return count;
    }
}
