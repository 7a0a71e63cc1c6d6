using System.Text;

namespace PackGuard.Artifacts.Streams;

/// <summary>
/// Passes a tar stream through unchanged, except for numeric header fields written in the GNU
/// base-256 form (first byte 0x80 or 0xFF). <see cref="System.Formats.Tar.TarReader"/> reads
/// uid, gid and mode as 32-bit numbers and throws <see cref="OverflowException"/> on base-256
/// values above <see cref="int.MaxValue"/>, which node-tar wrote for large user and group ids:
/// npm packages published from such machines (hpack.js, void-elements, http-deceiver, ...)
/// could not be read. Each base-256 field is rewritten in octal (as zero when the value does not
/// fit or is negative) and the header checksum is recomputed; no other byte is touched.
/// </summary>
/// <remarks>
/// The stream follows the tar layout (header, data padded to 512 bytes, pax <c>size=</c>
/// overrides) to know which blocks are headers. Entry data is read straight into the caller's
/// buffer, so the cost is one 512-byte copy per header. A block whose checksum does not hold is
/// left alone and ends the repair (the rest passes through), so damaged archives fail in the
/// reader exactly as they would without this stream.
/// </remarks>
internal sealed class TarHeaderRepairStream(Stream inner) : ReadOnlyStream
{
    private const int Block = 512;

    // Pax records are short; a bigger extended header is passed through unread for sizes.
    private const int MaxPaxCapture = 64 * 1024;

    private static readonly (int Offset, int Length)[] SmallFields = [(100, 8), (108, 8), (116, 8), (329, 8), (337, 8)];
    private static readonly (int Offset, int Length)[] LargeFields = [(124, 12), (136, 12)];

    private readonly byte[] _header = new byte[Block];
    private int _headerLength;
    private int _headerSent;
    private long _dataLeft;
    private bool _passThrough;
    private byte[]? _pax;
    private int _paxLength;
    private long? _nextSize;

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
            return 0;
        if (_headerSent < _headerLength)
        {
            var n = Math.Min(buffer.Length, _headerLength - _headerSent);
            _header.AsSpan(_headerSent, n).CopyTo(buffer);
            _headerSent += n;
            return n;
        }
        if (_passThrough)
            return inner.Read(buffer);
        if (_dataLeft > 0)
        {
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _dataLeft)]);
            if (read == 0)
            {
                _passThrough = true; // truncated: the reader reports it
                return 0;
            }
            Capture(buffer[..read]);
            _dataLeft -= read;
            return read;
        }
        NextHeader();
        return _headerLength == 0 ? 0 : Read(buffer);
    }

    /// <summary>Reads the next block and repairs it if it is a header that needs it.</summary>
    private void NextHeader()
    {
        _headerLength = 0;
        _headerSent = 0;
        while (_headerLength < Block)
        {
            var read = inner.Read(_header.AsSpan(_headerLength));
            if (read == 0)
                break;
            _headerLength += read;
        }
        var header = _header.AsSpan();
        if (_headerLength < Block || !header.ContainsAnyExcept((byte)0))
            return; // the end of the stream, or an end-of-archive block
        if (!ChecksumHolds(header))
        {
            _passThrough = true;
            return;
        }
        ParsePax();

        var repaired = false;
        foreach (var (offset, length) in SmallFields)
            repaired |= Repair(header.Slice(offset, length), maxOctal: (1L << 21) - 1);
        foreach (var (offset, length) in LargeFields)
            repaired |= Repair(header.Slice(offset, length), maxOctal: (1L << 33) - 1);
        if (repaired)
            WriteChecksum(header);

        var type = (char)header[156];
        var size = ReadOctal(header.Slice(124, 12));
        if (type is 'x' or 'X' or 'g' or 'L' or 'K')
        {
            _paxLength = 0;
            _pax = type is 'x' or 'X' && size <= MaxPaxCapture ? new byte[size] : null;
        }
        else
        {
            if (_nextSize is { } paxSize)
                size = paxSize;
            _nextSize = null;
            _pax = null;
            // Directories, links and devices carry no data whatever their size field says.
            if (type is '1' or '2' or '3' or '4' or '5' or '6')
                size = 0;
        }
        if (size < 0)
        {
            _passThrough = true;
            return;
        }
        _dataLeft = (size + Block - 1) / Block * Block;
    }

    private void Capture(ReadOnlySpan<byte> data)
    {
        if (_pax is null)
            return;
        var n = Math.Min(data.Length, _pax.Length - _paxLength);
        data[..n].CopyTo(_pax.AsSpan(_paxLength));
        _paxLength += n;
    }

    /// <summary>Takes a <c>size=</c> record from the extended header just read, for the entry it describes.</summary>
    private void ParsePax()
    {
        if (_pax is null || _paxLength < _pax.Length)
            return;
        var text = Encoding.UTF8.GetString(_pax);
        _pax = null;
        foreach (var record in text.Split('\n'))
        {
            var space = record.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !record.AsSpan(space + 1).StartsWith("size=", StringComparison.Ordinal))
                continue;
            if (long.TryParse(record.AsSpan(space + 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size))
                _nextSize = size;
        }
    }

    /// <summary>Rewrites a base-256 field in octal; false when the field is not base-256.</summary>
    private static bool Repair(Span<byte> field, long maxOctal)
    {
        if (field[0] is not (0x80 or 0xFF))
            return false;
        var value = 0L;
        var negative = field[0] == 0xFF;
        var fits = true;
        for (var i = 1; i < field.Length; i++)
        {
            if (value > (long.MaxValue >> 8))
                fits = false;
            value = (value << 8) | (negative ? (byte)~field[i] : field[i]);
        }
        if (negative || !fits || value > maxOctal)
            value = 0;
        var digits = field.Length - 1;
        var octal = Convert.ToString(value, 8).PadLeft(digits, '0');
        Encoding.ASCII.GetBytes(octal, field);
        field[digits] = 0;
        return true;
    }

    private static long ReadOctal(ReadOnlySpan<byte> field)
    {
        if (field[0] == 0x80)
        {
            var value = 0L;
            for (var i = 1; i < field.Length; i++)
            {
                if (value > (long.MaxValue >> 8))
                    return -1;
                value = (value << 8) | field[i];
            }
            return value;
        }
        var result = 0L;
        var seen = false;
        foreach (var b in field)
        {
            if (b is (byte)' ' && !seen)
                continue;
            if (b is < (byte)'0' or > (byte)'7')
                break;
            seen = true;
            if (result > (long.MaxValue >> 3))
                return -1;
            result = (result << 3) | (long)(b - '0');
        }
        return result;
    }

    private static bool ChecksumHolds(ReadOnlySpan<byte> header)
    {
        var stored = ReadOctal(header.Slice(148, 8));
        return stored == Checksum(header, signed: false) || stored == Checksum(header, signed: true);
    }

    private static long Checksum(ReadOnlySpan<byte> header, bool signed)
    {
        var sum = 8L * ' ';
        for (var i = 0; i < Block; i++)
        {
            if (i is >= 148 and < 156)
                continue;
            sum += signed ? (sbyte)header[i] : header[i];
        }
        return sum;
    }

    private static void WriteChecksum(Span<byte> header)
    {
        var sum = Checksum(header, signed: false);
        var octal = Convert.ToString(sum, 8).PadLeft(6, '0');
        Encoding.ASCII.GetBytes(octal, header.Slice(148, 6));
        header[154] = 0;
        header[155] = (byte)' ';
    }
}
