using System.Buffers;
using System.Text;

namespace PackGuard.Inspectors.Exposure;

/// <summary>Receives what a scanner finds, with its line and column (1-based).</summary>
internal interface IExposureRecorder
{
    void Record(ExposureKind kind, string value, long line, long column);
}

/// <summary>
/// Streams one text through the <see cref="ExposureMatcher"/> in segments, with bounded memory.
/// Bytes are widened as Latin-1 (one char per byte: the anchors are ASCII, and columns stay byte
/// columns); each segment keeps <see cref="ExposureMatcher.LookBehind"/> characters before the
/// next unexamined position and leaves the last <see cref="ExposureMatcher.LookAhead"/> to the
/// next segment, so a hit across a chunk boundary is seen whole, once. Lines are counted only up
/// to where a hit needs them and where a segment is dropped: one vectorised count over the text.
/// </summary>
internal sealed class ExposureTextScanner(ExposureMatcher matcher, IExposureRecorder recorder) : IExposureHitSink
{
    private const int SegmentSize = 64 * 1024;

    private char[] _buffer = [];
    private int _length;
    private int _next;
    private int _hostEnd;
    private long _base;
    private long _counted;
    private long _line = 1;
    private long _lineStart;

    /// <summary>Adds the next bytes of the text.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_buffer.Length == 0)
                _buffer = ArrayPool<char>.Shared.Rent(SegmentSize);
            var take = Math.Min(_buffer.Length - _length, bytes.Length);
            Encoding.Latin1.GetChars(bytes[..take], _buffer.AsSpan(_length));
            _length += take;
            bytes = bytes[take..];
            if (_length == _buffer.Length)
                Process(final: false);
        }
    }

    /// <summary>Examines what is left; the scanner is then ready for the next text.</summary>
    public void Complete()
    {
        if (_length > 0)
            Process(final: true);
        if (_buffer.Length > 0)
            ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = _next = _hostEnd = 0;
        _base = _counted = _lineStart = 0;
        _line = 1;
    }

    private void Process(bool final)
    {
        var text = _buffer.AsSpan(0, _length);
        var limit = final ? _length : _length - ExposureMatcher.LookAhead;
        while (_next < limit)
        {
            var found = matcher.NextAnchor(text[_next..]);
            if (found < 0 || _next + found >= limit)
            {
                _next = limit;
                break;
            }
            var at = _next + found;
            matcher.Examine(text, at, ref _hostEnd, this);
            _next = at + 1;
        }
        if (final)
            return;
        var keepFrom = Math.Max(0, _next - ExposureMatcher.LookBehind);
        Advance(_base + keepFrom);
        text[keepFrom..].CopyTo(_buffer);
        _base += keepFrom;
        _length -= keepFrom;
        _next -= keepFrom;
        _hostEnd = Math.Max(0, _hostEnd - keepFrom);
    }

    public void OnHit(ExposureKind kind, string value, int position)
    {
        var absolute = _base + position;
        Advance(absolute);
        recorder.Record(kind, value, _line, absolute - _lineStart + 1);
    }

    /// <summary>Counts the lines from where counting stopped to <paramref name="absolute"/>.</summary>
    private void Advance(long absolute)
    {
        if (absolute <= _counted)
            return;
        var span = _buffer.AsSpan((int)(_counted - _base), (int)(absolute - _counted));
        var newlines = span.Count('\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _counted + span.LastIndexOf('\n') + 1;
        }
        _counted = absolute;
    }
}
