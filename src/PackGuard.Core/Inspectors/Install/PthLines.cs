using System.Text;

namespace PackGuard.Inspectors.Install;

/// <summary>
/// Counts the lines of a .pth file that site.py executes (those starting with <c>import </c> or
/// <c>import\t</c>) as the bytes stream past, and keeps the start of the first one.
/// </summary>
internal sealed class PthLines
{
    private const int Kept = 200;
    private static readonly byte[] Import = "import"u8.ToArray();
    private readonly byte[] _start = new byte[Kept];
    private int _startLength;
    private bool _atLineStart = true;
    private int _line;
    private bool _capturing;

    public int Count { get; private set; }

    public int FirstLine { get; private set; }

    public string? First => FirstLine == 0 ? null : Encoding.UTF8.GetString(_start, 0, _startLength);

    // The bytes of the current line's start, until it is known whether it is an import line.
    private readonly byte[] _prefix = new byte[Import.Length + 1];
    private int _prefixLength;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        foreach (var b in chunk)
        {
            if (_atLineStart)
            {
                _line++;
                _atLineStart = false;
                _prefixLength = 0;
            }
            if (b == (byte)'\n')
            {
                _atLineStart = true;
                _capturing = false;
                continue;
            }
            if (_prefixLength <= Import.Length)
            {
                _prefix[_prefixLength++] = b;
                if (_prefixLength == Import.Length + 1 && _prefix.AsSpan(0, Import.Length).SequenceEqual(Import) && b is (byte)' ' or (byte)'\t')
                {
                    Count++;
                    if (FirstLine == 0)
                    {
                        FirstLine = _line;
                        _capturing = true;
                        _prefix.AsSpan(0, _prefixLength).CopyTo(_start);
                        _startLength = _prefixLength;
                        continue;
                    }
                }
            }
            if (_capturing && _startLength < Kept && b != (byte)'\r')
                _start[_startLength++] = b;
        }
    }
}
