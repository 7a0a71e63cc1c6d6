namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>
/// Keeps one range of a file's bytes as the file streams past, for readers that learn from a
/// header where the data they need lies (a PE's debug directory, the data its entries point to).
/// Bytes are taken in order; a range whose start has already streamed past cannot be read any
/// more and is <see cref="Missed"/>.
/// </summary>
internal sealed class ByteRange(long start, int length)
{
    private readonly byte[] _data = new byte[length];
    private long _next = start;

    /// <summary>Offset of the range's first byte in the file.</summary>
    public long Start { get; } = start;

    /// <summary>The range's bytes; complete once <see cref="Complete"/> is set.</summary>
    public byte[] Data => _data;

    /// <summary>Every byte of the range has been seen.</summary>
    public bool Complete => _next == Start + _data.Length;

    /// <summary>Part of the range streamed past before it was asked for.</summary>
    public bool Missed { get; private set; }

    /// <summary>Offers the bytes at <paramref name="offset"/>; the range keeps those it still needs.</summary>
    public void Offer(long offset, ReadOnlySpan<byte> bytes)
    {
        if (Complete || Missed)
            return;
        if (offset > _next)
        {
            Missed = true;
            return;
        }
        var end = Start + _data.Length;
        var from = _next - offset;
        if (from >= bytes.Length)
            return;
        var count = (int)Math.Min(bytes.Length - from, end - _next);
        bytes.Slice((int)from, count).CopyTo(_data.AsSpan((int)(_next - Start)));
        _next += count;
    }
}

/// <summary>
/// Keeps the bytes of a file from an offset to its end, bounded: when there are more than the
/// capacity, the oldest are dropped, so that what is kept is the end of the file, where an ELF
/// binary keeps its section headers and the names of its sections.
/// </summary>
internal sealed class TailWindow(long start, long capacity)
{
    private readonly int _capacity = (int)Math.Clamp(capacity, 4096, Array.MaxLength);
    private byte[] _buffer = new byte[(int)Math.Clamp(capacity, 4096, 64 * 1024)];
    private long _next = start;
    private long _written;

    /// <summary>Offset in the file of the first byte the window was asked to keep.</summary>
    public long RequestedStart { get; } = start;

    /// <summary>Some bytes were dropped (more than the capacity) or never seen.</summary>
    public bool Partial { get; private set; }

    /// <summary>Offers the bytes at <paramref name="offset"/>; the window keeps those at or after its start.</summary>
    public void Offer(long offset, ReadOnlySpan<byte> bytes)
    {
        if (offset > _next)
        {
            Partial = true;
            _next = offset;
        }
        var from = _next - offset;
        if (from >= bytes.Length)
            return;
        Append(bytes[(int)from..]);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _next += bytes.Length;
        // Grow while the ring has not wrapped yet; from then on it stays at its capacity.
        if (_written + bytes.Length > _buffer.Length && _buffer.Length < _capacity)
            Array.Resize(ref _buffer, (int)Math.Min(_capacity, Math.Max(_written + bytes.Length, (long)_buffer.Length * 2)));
        if (bytes.Length > _buffer.Length)
        {
            // A piece longer than the ring would wrap onto itself: only its last ring-full is kept.
            _written += bytes.Length - _buffer.Length;
            bytes = bytes[^_buffer.Length..];
        }
        var at = (int)(_written % _buffer.Length);
        var count = Math.Min(bytes.Length, _buffer.Length - at);
        bytes[..count].CopyTo(_buffer.AsSpan(at));
        bytes[count..].CopyTo(_buffer);
        _written += bytes.Length;
        if (_written > _buffer.Length)
            Partial = true;
    }

    /// <summary>The kept bytes in file order, and the file offset of the first.</summary>
    public (byte[] Bytes, long Offset) Contents()
    {
        var kept = (int)Math.Min(_written, _buffer.Length);
        var bytes = new byte[kept];
        var first = (int)((_written - kept) % _buffer.Length);
        var head = Math.Min(kept, _buffer.Length - first);
        _buffer.AsSpan(first, head).CopyTo(bytes);
        _buffer.AsSpan(0, kept - head).CopyTo(bytes.AsSpan(head));
        return (bytes, _next - kept);
    }
}
