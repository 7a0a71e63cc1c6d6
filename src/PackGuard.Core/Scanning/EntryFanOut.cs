using PackGuard.Artifacts;
using PackGuard.Inspectors.SourceMaps;

namespace PackGuard.Scanning;

/// <summary>
/// Hands every entry to all visitors (metadata reader and inspections) and, when several want
/// the bytes, copies each chunk to all of them, so the archive is decompressed once.
/// A source map is parsed once for all inspections that read maps (<see cref="ISourceMapVisitor"/>).
/// Also remembers every entry path for the inspectors' completion step.
/// </summary>
internal sealed class EntryFanOut(IReadOnlyList<IEntryVisitor> visitors) : IEntryVisitor
{
    private readonly List<string> _paths = [];

    /// <summary>Every entry path seen, in order.</summary>
    public IReadOnlyList<string> Paths => _paths;

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        _paths.Add(entry.Path);
        IEntryContentSink? single = null;
        List<IEntryContentSink>? several = null;
        void Add(IEntryContentSink sink)
        {
            if (single is null)
            {
                single = sink;
                return;
            }
            several ??= [single];
            several.Add(sink);
        }
        foreach (var visitor in visitors)
        {
            if (visitor.OnEntry(entry, head) is { } sink)
                Add(sink);
        }
        if (entry.Kind == EntryKind.File && SourceMapInspection.IsMapCandidate(entry, head))
        {
            var mapSinks = visitors.OfType<ISourceMapVisitor>().Select(v => v.OnSourceMap(entry)).OfType<ISourceMapSink>().ToList();
            if (mapSinks.Count > 0)
                Add(new SharedMapReader(mapSinks));
        }
        return several is null ? single : new Broadcast(several);
    }

    private sealed class Broadcast(List<IEntryContentSink> sinks) : IEntryContentSink
    {
        public void Write(ReadOnlySpan<byte> chunk)
        {
            foreach (var sink in sinks)
                sink.Write(chunk);
        }

        public void Complete(bool truncated)
        {
            foreach (var sink in sinks)
                sink.Complete(truncated);
        }
    }
}
