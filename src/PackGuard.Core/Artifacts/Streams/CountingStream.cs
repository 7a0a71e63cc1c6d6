namespace PackGuard.Artifacts.Streams;

/// <summary>Counts the bytes a decompressor pulls from its input, for the compression ratio.</summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyStream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        return read;
    }
}
