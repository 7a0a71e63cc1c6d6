namespace PackGuard.Artifacts.Streams;

/// <summary>
/// Counts the bytes read through it: a decompressor's input, for the compression ratio, or its
/// output, to check the gzip trailer's length.
/// </summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyStream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Whether a read has returned the end of the stream.</summary>
    public bool ReachedEnd { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        if (read == 0 && !buffer.IsEmpty)
            ReachedEnd = true;
        return read;
    }
}
