using PackGuard.Artifacts;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Inspectors.SourceMaps.Parsing;

namespace PackGuard.Scanning;

/// <summary>Parses one map entry for every inspection that asked, forwarding its content to each.</summary>
internal sealed class SharedMapReader : IEntryContentSink, ISourceContentObserver
{
    private readonly List<ISourceMapSink> _sinks;
    private readonly SourceMapReader _reader;
    private long _bytes;

    public SharedMapReader(List<ISourceMapSink> sinks)
    {
        _sinks = sinks;
        _reader = new SourceMapReader(observer: this);
    }

    public void Write(ReadOnlySpan<byte> chunk)
    {
        _bytes += chunk.Length;
        if (!_reader.Finished)
            _reader.Write(chunk);
    }

    public void Complete(bool truncated)
    {
        var map = _reader.Complete(truncated);
        foreach (var sink in _sinks)
            sink.Complete(map, _bytes);
    }

    public void BeginContent(int part, int sourceIndex)
    {
        foreach (var sink in _sinks)
            sink.BeginContent(part, sourceIndex);
    }

    public void ContentBytes(ReadOnlySpan<byte> utf8)
    {
        foreach (var sink in _sinks)
            sink.ContentBytes(utf8);
    }

    public void EndContent()
    {
        foreach (var sink in _sinks)
            sink.EndContent();
    }
}
