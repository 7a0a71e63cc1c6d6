namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// Holds one candidate manifest's bytes, up to a bound; what lies beyond is dropped and the
/// manifest is marked oversized rather than grown without limit.
/// </summary>
internal sealed class ManifestBuffer(int limit) : IEntryContentSink
{
    private byte[] _data = new byte[Math.Min(limit, 16 * 1024)];
    private int _length;

    /// <summary>The manifest was larger than the bound.</summary>
    public bool Oversized { get; private set; }

    /// <summary>The walker cut the entry short (a limit or damage).</summary>
    public bool Truncated { get; private set; }

    /// <summary>The bytes kept.</summary>
    public ArraySegment<byte> Data => new(_data, 0, _length);

    public void Write(ReadOnlySpan<byte> chunk)
    {
        var room = limit - _length;
        if (chunk.Length > room)
        {
            Oversized = true;
            chunk = chunk[..room];
        }
        if (_length + chunk.Length > _data.Length)
            Array.Resize(ref _data, (int)Math.Min(limit, Math.Max(_data.Length * 2L, _length + chunk.Length)));
        chunk.CopyTo(_data.AsSpan(_length));
        _length += chunk.Length;
    }

    /// <summary>The walker has delivered the whole entry (or cut it short: see <see cref="Truncated"/>).</summary>
    public bool Completed { get; private set; }

    public void Complete(bool truncated)
    {
        Truncated = truncated;
        Completed = true;
    }
}
