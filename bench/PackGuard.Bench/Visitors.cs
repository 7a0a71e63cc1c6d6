using System.Security.Cryptography;
using PackGuard.Artifacts;

namespace PackGuard.Bench;

/// <summary>Wants no content: measures the walk itself.</summary>
internal sealed class SkippingVisitor : IEntryVisitor
{
    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head) => null;
}

/// <summary>A light inspector: counts line breaks in every file (vectorised, like a text scan's first pass).</summary>
internal sealed class LineCountingVisitor : IEntryVisitor, IEntryContentSink
{
    public long Lines { get; private set; }

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head) => this;

    public void Write(ReadOnlySpan<byte> chunk) => Lines += chunk.Count((byte)'\n');

    public void Complete(bool truncated) { }
}

/// <summary>A heavier inspector: hashes every file, costing about as much CPU as inflating it.</summary>
internal sealed class HashingVisitor : IEntryVisitor, IEntryContentSink
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public IEntryContentSink? OnEntry(ArtifactEntry entry, ReadOnlySpan<byte> head) => this;

    public void Write(ReadOnlySpan<byte> chunk) => _hash.AppendData(chunk);

    public void Complete(bool truncated) => _hash.GetHashAndReset();
}
