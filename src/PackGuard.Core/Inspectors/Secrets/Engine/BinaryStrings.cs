namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Pulls printable strings out of a binary as it streams past, like <c>strings</c>: runs of at
/// least <see cref="MinimumLength"/> printable ASCII bytes, and UTF-16LE runs (how .NET
/// assemblies and Windows binaries store string literals), each handed to the scanner with its
/// file offset.
/// </summary>
internal sealed class BinaryStrings(SecretTextScanner scanner)
{
    public const int MinimumLength = 8;
    private const int MaximumLength = 8 * 1024;

    private readonly byte[] _ascii = new byte[MaximumLength];
    private readonly byte[] _wide = new byte[MaximumLength];
    private int _asciiLength;
    private long _asciiStart;
    private int _wideLength;
    private long _wideStart;
    private bool _wideExpectZero;
    private long _offset;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        foreach (var b in chunk)
        {
            Ascii(b);
            Wide(b);
            _offset++;
        }
    }

    public void Complete()
    {
        FlushAscii();
        FlushWide();
        scanner.Complete();
    }

    private void Ascii(byte b)
    {
        if (IsPrintable(b))
        {
            if (_asciiLength == 0)
                _asciiStart = _offset;
            _ascii[_asciiLength++] = b;
            if (_asciiLength == MaximumLength)
                FlushAscii();
            return;
        }
        FlushAscii();
    }

    // UTF-16LE ASCII text alternates a printable byte and a zero byte.
    private void Wide(byte b)
    {
        if (_wideExpectZero)
        {
            _wideExpectZero = false;
            if (b == 0)
                return;
            FlushWide();
        }
        if (IsPrintable(b))
        {
            if (_wideLength == 0)
                _wideStart = _offset;
            _wide[_wideLength++] = b;
            _wideExpectZero = true;
            if (_wideLength == MaximumLength)
                FlushWide();
            return;
        }
        FlushWide();
    }

    private void FlushAscii()
    {
        if (_asciiLength >= MinimumLength)
            scanner.WriteBinaryString(_ascii.AsSpan(0, _asciiLength), _asciiStart);
        _asciiLength = 0;
    }

    private void FlushWide()
    {
        // A run of one byte each is also an ASCII run of length one per byte; only real wide runs count.
        if (_wideLength >= MinimumLength)
            scanner.WriteBinaryString(_wide.AsSpan(0, _wideLength), _wideStart);
        _wideLength = 0;
        _wideExpectZero = false;
    }

    private static bool IsPrintable(byte b) => b is >= 0x20 and < 0x7F or (byte)'\t';
}
