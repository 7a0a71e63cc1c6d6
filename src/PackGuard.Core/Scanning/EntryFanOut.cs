using PackGuard.Artifacts;

namespace PackGuard.Scanning;

/// <summary>
/// Hands every entry to all visitors (metadata reader and inspections) and, when several want
/// the bytes, copies each chunk to all of them, so the archive is decompressed once.
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
        foreach (var visitor in visitors)
        {
            if (visitor.OnEntry(entry, head) is not { } sink)
                continue;
            if (single is null)
            {
                single = sink;
                continue;
            }
            several ??= [single];
            several.Add(sink);
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
