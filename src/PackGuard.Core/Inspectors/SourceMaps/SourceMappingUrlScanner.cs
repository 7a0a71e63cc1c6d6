using System.Buffers;
using System.Text;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Inspectors.SourceMaps;

/// <summary>
/// Finds <c>//# sourceMappingURL=...</c> (and the legacy <c>//@</c> and CSS <c>/*# ... */</c>
/// forms) in a script or stylesheet as it streams past. A URL is recorded as a reference; an
/// inline <c>data:</c> map is decoded on the fly into a <see cref="SourceMapReader"/>, so a
/// bundle carrying a 40 MB inline map is measured without ever holding the map.
/// </summary>
/// <remarks>
/// The comment is only honoured at the start of a line (after blanks), as bundlers write it; the
/// same text inside a string literal (<c>"//# sourceMappingURL=" + url</c> in bundler code) is not
/// a reference.
/// </remarks>
internal sealed class SourceMappingUrlScanner
{
    private const int MaxUrlBytes = 4096;
    private const int MaxDataHeaderBytes = 256;
    private static readonly byte[] Marker = "sourceMappingURL="u8.ToArray();
    private static readonly SearchValues<byte> UrlTerminators = SearchValues.Create(" \t\r\n\"'`*"u8);
    private static readonly SearchValues<byte> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="u8);
    private static readonly SearchValues<byte> PercentTerminators = SearchValues.Create("\r\n\"'`"u8);

    private readonly byte[] _recent = new byte[32];
    private byte[]? _url;
    private int _recentLength;
    private State _state;
    private int _urlLength;
    private SourceMapReader? _inlineReader;
    private IStreamingDecoder? _decoder;
    private long _payloadBytes;

    private enum State : byte { Searching, Url, DataHeader, Base64Payload, PercentPayload, SkipToTerminator }

    /// <summary>URLs named by the file, in order (data URLs excluded).</summary>
    public List<string> References { get; } = [];

    /// <summary>Inline maps the file carries, measured, with the size of their encoded payload.</summary>
    public List<(SourceMapMeasurement Map, long EncodedBytes)> InlineMaps { get; } = [];

    /// <summary>Feeds the next chunk of the file.</summary>
    public void Write(ReadOnlySpan<byte> chunk)
    {
        var i = 0;
        while (i < chunk.Length)
        {
            i = _state switch
            {
                State.Searching => Search(chunk, i),
                State.Url or State.DataHeader => CaptureUrl(chunk, i),
                State.Base64Payload => DecodePayload(chunk, i, Base64Alphabet, except: true),
                State.PercentPayload => DecodePayload(chunk, i, PercentTerminators, except: false),
                _ => SkipToTerminator(chunk, i),
            };
        }
        Remember(chunk);
    }

    /// <summary>The file ended (or was cut short).</summary>
    public void Complete()
    {
        switch (_state)
        {
            case State.Url:
                EndUrl();
                break;
            case State.Base64Payload or State.PercentPayload:
                EndPayload();
                break;
        }
        _state = State.Searching;
    }

    private int Search(ReadOnlySpan<byte> chunk, int start)
    {
        // A marker split across the previous chunk and this one.
        if (start == 0 && _recentLength > 0)
        {
            for (var k = 1; k < Marker.Length; k++)
            {
                if (k > _recentLength || Marker.Length - k > chunk.Length)
                    continue;
                if (_recent.AsSpan(_recentLength - k, k).SequenceEqual(Marker.AsSpan(0, k)) &&
                    chunk.StartsWith(Marker.AsSpan(k)))
                {
                    if (IsCommentAtLineStart(ReadOnlySpan<byte>.Empty, _recent.AsSpan(0, _recentLength - k)))
                        return BeginUrl(Marker.Length - k);
                }
            }
        }
        var rest = chunk[start..];
        var offset = 0;
        while (true)
        {
            var hit = rest[offset..].IndexOf(Marker);
            if (hit < 0)
                return chunk.Length;
            var at = start + offset + hit;
            if (IsCommentAtLineStart(chunk[..at], _recent.AsSpan(0, _recentLength)))
                return BeginUrl(at + Marker.Length);
            offset += hit + Marker.Length;
        }
    }

    private int BeginUrl(int position)
    {
        _url ??= new byte[MaxUrlBytes];
        _state = State.Url;
        _urlLength = 0;
        return position;
    }

    /// <summary>Checks that the marker follows <c>//#</c>, <c>//@</c>, <c>/*#</c> or <c>/*@</c> at the start of a line.</summary>
    private static bool IsCommentAtLineStart(ReadOnlySpan<byte> before, ReadOnlySpan<byte> earlier)
    {
        Span<byte> window = stackalloc byte[64];
        var tail = before.Length >= window.Length ? before[^window.Length..] : before;
        var fromEarlier = Math.Min(earlier.Length, window.Length - tail.Length);
        earlier[^fromEarlier..].CopyTo(window);
        tail.CopyTo(window[fromEarlier..]);
        var text = ((ReadOnlySpan<byte>)window[..(fromEarlier + tail.Length)]).TrimEnd(" \t"u8);

        if (text.Length < 3 || text[^1] is not ((byte)'#' or (byte)'@') || text[^3] != (byte)'/' || text[^2] is not ((byte)'/' or (byte)'*'))
            return false;
        text = text[..^3].TrimEnd(" \t"u8);
        // Only blanks in view before the comment: the start of the file (or a very long indent).
        return text.IsEmpty || text[^1] is (byte)'\n' or (byte)'\r';
    }

    private int CaptureUrl(ReadOnlySpan<byte> chunk, int i)
    {
        var alreadyCaptured = _urlLength;
        var rest = chunk[i..];
        var end = rest.IndexOfAny(UrlTerminators);
        var piece = end < 0 ? rest : rest[..end];
        var room = Math.Min(piece.Length, _url!.Length - _urlLength);
        piece[..room].CopyTo(_url.AsSpan(_urlLength));
        _urlLength += room;

        var url = _url.AsSpan(0, _urlLength);
        if (_state == State.Url && url.Length >= 5 && Ascii.EqualsIgnoreCase(url[..5], "data:"u8))
            _state = State.DataHeader;
        if (_state == State.DataHeader)
        {
            var comma = url.IndexOf((byte)',');
            if (comma >= 0)
                return StartPayload(url, comma, i + comma + 1 - alreadyCaptured);
            if (_urlLength > MaxDataHeaderBytes)
            {
                _state = State.SkipToTerminator;
                return i + piece.Length;
            }
        }
        if (end < 0)
            return chunk.Length;
        if (_state == State.Url)
            EndUrl();
        else
            _state = State.Searching; // a data URL without a payload
        return i + end;
    }

    private int StartPayload(ReadOnlySpan<byte> url, int comma, int payloadStart)
    {
        var header = Encoding.ASCII.GetString(url[5..comma]).ToLowerInvariant();
        var isJson = header.StartsWith("application/json", StringComparison.Ordinal) || header.StartsWith(';') || header.Length == 0;
        if (!isJson)
        {
            _state = State.SkipToTerminator;
            return payloadStart;
        }
        _inlineReader = new SourceMapReader();
        var reader = _inlineReader;
        _payloadBytes = 0;
        if (header.Contains(";base64", StringComparison.Ordinal))
        {
            _decoder = new Base64StreamDecoder(reader.Write);
            _state = State.Base64Payload;
        }
        else
        {
            _decoder = new PercentStreamDecoder(reader.Write);
            _state = State.PercentPayload;
        }
        return payloadStart;
    }

    private int DecodePayload(ReadOnlySpan<byte> chunk, int i, SearchValues<byte> values, bool except)
    {
        var rest = chunk[i..];
        var end = except ? rest.IndexOfAnyExcept(values) : rest.IndexOfAny(values);
        var piece = end < 0 ? rest : rest[..end];
        _payloadBytes += piece.Length;
        if (!_inlineReader!.Finished)
            _decoder!.Write(piece);
        if (end < 0)
            return chunk.Length;
        EndPayload();
        return i + end;
    }

    private void EndPayload()
    {
        _decoder!.Finish();
        var map = _inlineReader!.Complete(truncated: false);
        if (map.IsSourceMap)
            InlineMaps.Add((SourceMapMeasurement.Of(map), _payloadBytes));
        _decoder = null;
        _inlineReader = null;
        _state = State.Searching;
    }

    private void EndUrl()
    {
        var url = Encoding.UTF8.GetString(_url!, 0, _urlLength).Trim();
        // Template placeholders and concatenations are code that builds a comment, not a comment.
        if (url.Length > 0 && !url.Contains("${", StringComparison.Ordinal) && !url.Contains('+'))
            References.Add(url);
        _state = State.Searching;
    }

    private int SkipToTerminator(ReadOnlySpan<byte> chunk, int i)
    {
        var end = chunk[i..].IndexOfAny(UrlTerminators);
        if (end < 0)
            return chunk.Length;
        _state = State.Searching;
        return i + end;
    }

    private void Remember(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
            return;
        if (chunk.Length >= _recent.Length)
        {
            chunk[^_recent.Length..].CopyTo(_recent);
            _recentLength = _recent.Length;
            return;
        }
        var keep = Math.Min(_recentLength, _recent.Length - chunk.Length);
        _recent.AsSpan(_recentLength - keep, keep).CopyTo(_recent);
        chunk.CopyTo(_recent.AsSpan(keep));
        _recentLength = keep + chunk.Length;
    }
}
