namespace PackGuard.Artifacts.Streams;

/// <summary>
/// Passes reads and seeks through to the artifact file and reports the position now and then, so
/// a long scan can show a progress bar. Reporting is throttled to one call per mebibyte read.
/// </summary>
internal sealed class ProgressStream(FileStream inner, IProgress<WalkProgress> progress) : Stream
{
    private const long Step = 1024 * 1024;
    private long _reported = -Step;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        var position = inner.Position;
        if (read == 0 || position - _reported >= Step)
        {
            _reported = position;
            progress.Report(new WalkProgress(position, inner.Length));
        }
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
