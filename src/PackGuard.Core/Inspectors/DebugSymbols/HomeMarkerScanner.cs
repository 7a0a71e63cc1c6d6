using System.Text;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>
/// Finds home directories in the raw bytes of a large binary (a Windows PDB, a dSYM DWARF file)
/// as it streams past. Rather than pulling out every printable string, it searches the bytes for
/// the few markers a home directory needs (vectorised), and only around a hit reads the printable
/// run it lies in. A run may cross a chunk boundary: the last bytes of each chunk are kept.
/// </summary>
internal sealed class HomeMarkerScanner(UserPathSet users, string origin)
{
    private const int Carry = 1024;
    private const int MaxRun = 4096;

    // "Users" in any case Windows writes it contains "sers" or "SERS".
    private static readonly byte[][] Markers = ["/home/"u8.ToArray(), "sers"u8.ToArray(), "SERS"u8.ToArray(), " and Settings"u8.ToArray()];

    private byte[] _buffer = new byte[Carry];
    private int _carried;
    private long _offset;
    private long _reportedUpTo = -1;
    private readonly List<int> _hits = [];

    public void Write(ReadOnlySpan<byte> chunk)
    {
        var length = _carried + chunk.Length;
        if (_buffer.Length < length)
            Array.Resize(ref _buffer, length);
        chunk.CopyTo(_buffer.AsSpan(_carried));
        Scan(_buffer.AsSpan(0, length), _offset - _carried, final: false);
        _offset += chunk.Length;
        _carried = Math.Min(Carry, length);
        _buffer.AsSpan(length - _carried, _carried).CopyTo(_buffer);
    }

    public void Complete() => Scan(_buffer.AsSpan(0, _carried), _offset - _carried, final: true);

    private void Scan(ReadOnlySpan<byte> data, long @base, bool final)
    {
        _hits.Clear();
        foreach (var marker in Markers)
        {
            var from = 0;
            int hit;
            while (from < data.Length && (hit = data[from..].IndexOf(marker)) >= 0)
            {
                _hits.Add(from + hit);
                from += hit + marker.Length;
            }
        }
        // In file order, so that a run holding several markers, or already read with the
        // previous chunk, is read once.
        _hits.Sort();
        foreach (var hit in _hits)
        {
            if (@base + hit <= _reportedUpTo)
                continue;
            var start = hit;
            while (start > 0 && hit - start < MaxRun && Printable(data[start - 1]))
                start--;
            var end = hit;
            while (end < data.Length && end - start < MaxRun && Printable(data[end]))
                end++;
            // A run that reaches the end of the data may go on in the next chunk: it is read then.
            if (end == data.Length && !final)
                return;
            _reportedUpTo = @base + end;
            users.Scan(Encoding.Latin1.GetString(data[start..end]), origin);
        }
    }

    private static bool Printable(byte b) => b is >= 0x20 and < 0x7F;
}
