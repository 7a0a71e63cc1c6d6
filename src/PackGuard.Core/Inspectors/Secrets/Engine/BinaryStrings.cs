using System.Numerics;
using System.Runtime.Intrinsics;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Pulls printable strings out of a binary as it streams past, like <c>strings</c>: runs of at
/// least <see cref="MinimumLength"/> printable ASCII bytes, and UTF-16LE runs (how .NET
/// assemblies and Windows binaries store string literals), each handed to the scanner with its
/// file offset. Machine code rarely holds four printable bytes in a row, so 32-byte blocks
/// without such a stretch (or four UTF-16 characters) are skipped with vector instructions and the
/// byte-by-byte state machine only runs where a string may be.
/// </summary>
internal sealed class BinaryStrings(IBinaryStringSink scanner)
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

    private const int Block = 32;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        var i = 0;
        while (i < chunk.Length)
        {
            if (_asciiLength == 0 && _wideLength == 0 && !_wideExpectZero && i + Block <= chunk.Length && Vector256.IsHardwareAccelerated)
            {
                var skip = Skippable(chunk.Slice(i, Block));
                if (skip > 0)
                {
                    i += skip;
                    _offset += skip;
                    continue;
                }
            }
            var end = Math.Min(chunk.Length, i + Block);
            for (; i < end; i++)
            {
                var b = chunk[i];
                Ascii(b);
                Wide(b);
                _offset++;
            }
        }
    }

    /// <summary>
    /// How many bytes of the block can be skipped: none when a string may start in it, else the
    /// block up to the run of printable-or-zero bytes at its end that starts with a printable byte,
    /// which may begin a string in the next. Zeros before that run's first printable byte begin
    /// nothing (a UTF-16 character starts with its printable byte), so a block of zeros, the
    /// padding that fills binaries and bombs, is skipped whole rather than read byte by byte.
    /// </summary>
    private static int Skippable(ReadOnlySpan<byte> block)
    {
        var v = Vector256.Create(block);
        var printable = Vector256.ExtractMostSignificantBits(
            Vector256.LessThan(v - Vector256.Create((byte)0x20), Vector256.Create((byte)0x5F)) | Vector256.Equals(v, Vector256.Create((byte)'\t')));
        var zero = Vector256.ExtractMostSignificantBits(Vector256.Equals(v, Vector256<byte>.Zero));
        var ascii = printable & (printable >> 1) & (printable >> 2) & (printable >> 3);
        var wideChars = printable & (zero >> 1);
        var wide = wideChars & (wideChars >> 2) & (wideChars >> 4) & (wideChars >> 6);
        if ((ascii | wide) != 0)
            return 0;
        var tail = (int)BitOperations.LeadingZeroCount(~(printable | zero));
        var tailPrintable = tail == 0 ? 0 : printable >> (Block - tail);
        return tailPrintable == 0 ? Block : Block - tail + BitOperations.TrailingZeroCount(tailPrintable);
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

    // UTF-16LE ASCII text alternates a printable byte and a zero byte. A printable byte is only a
    // character once the zero after it arrives; until then it is pending.
    private void Wide(byte b)
    {
        if (_wideExpectZero)
        {
            _wideExpectZero = false;
            if (b == 0)
            {
                _wideLength++;
                if (_wideLength == MaximumLength)
                    FlushWide();
                return;
            }
            FlushWide();
        }
        if (IsPrintable(b))
        {
            if (_wideLength == 0)
                _wideStart = _offset;
            _wide[_wideLength] = b;
            _wideExpectZero = true;
        }
        else
        {
            FlushWide();
        }
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

/// <summary>Receives the strings <see cref="BinaryStrings"/> extracts.</summary>
internal interface IBinaryStringSink
{
    /// <summary>One printable string and the file offset where it starts.</summary>
    void WriteBinaryString(ReadOnlySpan<byte> text, long fileOffset);

    /// <summary>The binary ended.</summary>
    void Complete();
}
