namespace PackGuard.Artifacts.Streams;

/// <summary>
/// Sits on the output of one decompressor (a gzip stream or a zip entry) and stops it once it has
/// expanded more than <see cref="ArtifactLimits.RatioThreshold"/> bytes at a ratio above
/// <see cref="ArtifactLimits.MaxCompressionRatio"/>: the signature of a decompression bomb.
/// The check runs on bytes actually produced, so a lying header cannot hide a bomb.
/// </summary>
internal sealed class RatioGuardStream(Stream inner, Func<long> compressedBytes, ArtifactLimits limits) : ReadOnlyStream
{
    private bool _tripped;

    /// <summary>Bytes produced so far.</summary>
    public long ExpandedBytes { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (_tripped)
            throw Exceeded();
        var read = inner.Read(buffer);
        ExpandedBytes += read;
        if (ExpandedBytes > limits.RatioThreshold && ExpandedBytes > limits.MaxCompressionRatio * Math.Max(1, compressedBytes()))
        {
            _tripped = true;
            throw Exceeded();
        }
        return read;
    }

    private CompressionRatioExceededException Exceeded() =>
        new(this, ExpandedBytes, Math.Max(1, compressedBytes()));
}

/// <summary>
/// Thrown by a <see cref="RatioGuardStream"/>. Whoever owns that guard (compare
/// <see cref="Guard"/>) reports the finding and abandons that one stream; the walk goes on.
/// </summary>
internal sealed class CompressionRatioExceededException(RatioGuardStream guard, long expanded, long compressed)
    : Exception($"{expanded} bytes expanded from {compressed} compressed bytes")
{
    public RatioGuardStream Guard { get; } = guard;
    public long ExpandedBytes { get; } = expanded;
    public long CompressedBytes { get; } = compressed;
    public double Ratio => (double)ExpandedBytes / CompressedBytes;
}
