using System.Buffers;
using System.Text;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Streams one text through the matcher in segments. Each segment keeps the tail of the previous
/// one (<see cref="Overlap"/>, enough for the longest rule window, a PEM key) so that a secret
/// across a chunk boundary is still whole; anchors in that tail are left to the next segment so
/// nothing is reported twice. Tracks lines and columns, and rescans base64 blobs that decode to
/// text (up to <see cref="MaxDepth"/> levels). Memory is one segment, whatever the text's size.
/// </summary>
internal sealed class SecretTextScanner : IBinaryStringSink
{
    /// <summary>Characters kept from one segment to the next.</summary>
    public const int Overlap = 16 * 1024;

    /// <summary>How deep base64 inside base64 is followed.</summary>
    public const int MaxDepth = 2;

    private const int SegmentSize = 256 * 1024;

    private readonly SecretEngine _engine;
    private readonly SecretMatcher _matcher;
    private readonly ISecretHitSink _sink;
    private readonly int _depth;
    private readonly List<RawMatch> _matches = [];
    private readonly List<(int Start, int Length)> _blobs = [];
    private char[] _buffer = [];
    private int _length;
    private long _line = 1;
    private long _lineStartOffset;
    private long _baseOffset;
    private List<(long TextOffset, long FileOffset)>? _binaryOffsets;

    public SecretTextScanner(SecretEngine engine, ISecretHitSink sink, int depth = 0)
    {
        _engine = engine;
        _matcher = new SecretMatcher(engine);
        _sink = sink;
        _depth = depth;
    }

    /// <summary>Adds text given as bytes (UTF-8 or Latin-1: credentials are ASCII either way).</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            EnsureBuffer();
            var room = _buffer.Length - _length;
            var take = Math.Min(room, bytes.Length);
            Encoding.Latin1.GetChars(bytes[..take], _buffer.AsSpan(_length));
            _length += take;
            bytes = bytes[take..];
            if (_length == _buffer.Length)
                Process(final: false);
        }
    }

    /// <summary>Adds text.</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            EnsureBuffer();
            var take = Math.Min(_buffer.Length - _length, text.Length);
            text[..take].CopyTo(_buffer.AsSpan(_length));
            _length += take;
            text = text[take..];
            if (_length == _buffer.Length)
                Process(final: false);
        }
    }

    /// <summary>Adds one printable string found in a binary at <paramref name="fileOffset"/>; strings are kept apart by newlines.</summary>
    public void WriteBinaryString(ReadOnlySpan<byte> text, long fileOffset)
    {
        _binaryOffsets ??= [];
        _binaryOffsets.Add((_baseOffset + _length, fileOffset));
        Write(text);
        Write("\n".AsSpan());
    }

    /// <summary>Scans what is left; the scanner can then be reused for the next text.</summary>
    public void Complete()
    {
        if (_length > 0)
            Process(final: true);
        if (_buffer.Length > 0)
            ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        _line = 1;
        _lineStartOffset = 0;
        _baseOffset = 0;
        _binaryOffsets = null;
    }

    private void EnsureBuffer()
    {
        if (_buffer.Length == 0)
            _buffer = ArrayPool<char>.Shared.Rent(SegmentSize + Overlap);
    }

    private void Process(bool final)
    {
        var text = _buffer.AsSpan(0, _length);
        var acceptBefore = final ? _length : _length - Overlap;
        _matches.Clear();
        _blobs.Clear();
        _matcher.Scan(text, acceptBefore, _matches, _blobs);
        _matches.Sort((a, b) => a.Position.CompareTo(b.Position));

        var cursor = 0;
        var line = _line;
        var lineStart = _lineStartOffset;
        foreach (var match in _matches)
        {
            Advance(text, ref cursor, match.Position, ref line, ref lineStart);
            Report(match.Rule.Rule, match.Secret, match.VisiblePrefix, match.Validation, line, _baseOffset + match.Position - lineStart + 1, match.Encoding, _baseOffset + match.Position);
        }
        foreach (var (start, length) in _blobs)
            Rescan(text, start, length);

        var keep = final ? 0 : _length - acceptBefore;
        var consumed = _length - keep;
        cursor = 0;
        line = _line;
        lineStart = _lineStartOffset;
        Advance(text, ref cursor, consumed, ref line, ref lineStart);
        _line = line;
        _lineStartOffset = lineStart;
        text[consumed..].CopyTo(_buffer);
        _baseOffset += consumed;
        _length = keep;
    }

    /// <summary>Moves the line count from <paramref name="cursor"/> to <paramref name="position"/>.</summary>
    private void Advance(ReadOnlySpan<char> text, ref int cursor, int position, ref long line, ref long lineStart)
    {
        if (position <= cursor)
            return;
        var slice = text[cursor..position];
        var newlines = slice.Count('\n');
        if (newlines > 0)
        {
            line += newlines;
            lineStart = _baseOffset + cursor + slice.LastIndexOf('\n') + 1;
        }
        cursor = position;
    }

    private void Rescan(ReadOnlySpan<char> text, int start, int length)
    {
        if (_depth >= MaxDepth || Base64Blob.DecodeText(text.Slice(start, length)) is not { } decoded)
            return;
        var cursor = 0;
        var line = _line;
        var lineStart = _lineStartOffset;
        Advance(text, ref cursor, start, ref line, ref lineStart);
        var sink = new DecodedSink(this, line, _baseOffset + start - lineStart + 1, _baseOffset + start);
        var nested = new SecretTextScanner(_engine, sink, _depth + 1);
        nested.Write(decoded.AsSpan());
        nested.Complete();
    }

    private void Report(SecretRule rule, string secret, string prefix, Validators.Validation validation, long line, long column, string encoding, long textOffset)
    {
        if (_binaryOffsets is { } offsets)
        {
            var index = offsets.FindLastIndex(o => o.TextOffset <= textOffset);
            var fileOffset = index < 0 ? 0 : offsets[index].FileOffset + (textOffset - offsets[index].TextOffset);
            _sink.OnHit(new SecretHit(rule, secret, prefix, validation, null, null, "binary-string", fileOffset));
            return;
        }
        _sink.OnHit(new SecretHit(rule, secret, prefix, validation, line, column, encoding, null));
    }

    /// <summary>Places what a decoded blob reveals at the blob's own position.</summary>
    private sealed class DecodedSink(SecretTextScanner outer, long line, long column, long textOffset) : ISecretHitSink
    {
        public void OnHit(in SecretHit hit) =>
            outer.Report(hit.Rule, hit.Secret, hit.VisiblePrefix, hit.Validation, line, column, "base64", textOffset);
    }
}
