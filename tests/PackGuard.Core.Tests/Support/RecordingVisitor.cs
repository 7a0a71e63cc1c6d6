using System.Text;
using PackGuard.Artifacts;

namespace PackGuard.Tests.Support;

/// <summary>
/// Records every entry the walker reports, with its head and, when it asks for it, its content,
/// chunk count and how it completed.
/// </summary>
internal sealed class RecordingVisitor(Func<ArtifactEntry, bool>? wantsContent = null) : IEntryVisitor
{
    public List<VisitedEntry> Entries { get; } = [];

    public IEnumerable<string> Paths => Entries.Select(e => e.Entry.Path);

    public VisitedEntry this[string path] => Entries.Single(e => e.Entry.Path == path);

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        var visited = new VisitedEntry(entry, head.ToArray());
        Entries.Add(visited);
        return wantsContent is null || wantsContent(entry) ? visited : null;
    }
}

/// <summary>One reported entry; also the sink its content is pushed into.</summary>
internal sealed class VisitedEntry(ArtifactEntry entry, byte[] head) : IEntryContentSink
{
    private readonly MemoryStream _content = new();

    public ArtifactEntry Entry { get; } = entry;
    public byte[] Head { get; } = head;
    public int Chunks { get; private set; }
    public int Completions { get; private set; }

    /// <summary><see langword="null"/> until <see cref="Complete"/> was called.</summary>
    public bool? Truncated { get; private set; }

    public byte[] Content => _content.ToArray();
    public string Text => Encoding.UTF8.GetString(Content);

    public void Write(ReadOnlySpan<byte> chunk)
    {
        Completions.ShouldBe(0, "no bytes may follow Complete");
        _content.Write(chunk);
        Chunks++;
    }

    public void Complete(bool truncated)
    {
        Completions++;
        Truncated = truncated;
    }
}
