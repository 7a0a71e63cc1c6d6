using System.Text;

namespace PackGuard.Cli.Tests.Hostile;

/// <summary>
/// Writes a tar stream header by header (ustar), so that a test can say anything a hand-made
/// archive may: names that are not UTF-8, sizes the data does not match, links anywhere, and
/// content streamed from a generator rather than held in memory. The caller writes an entry's
/// content after its header and then calls <see cref="Pad"/>.
/// </summary>
internal sealed class RawTarWriter(Stream output)
{
    public const int BlockSize = 512;

    /// <summary>The largest size an ustar header's 11 octal digits can state.</summary>
    public const long MaxSize = (1L << 33) - 1;

    private const byte RegularFile = (byte)'0';
    private const byte HardLink = (byte)'1';
    private const byte SymbolicLink = (byte)'2';

    private static readonly byte[] Zeros = new byte[BlockSize * 2];

    /// <summary>Where the tar goes; content is written straight to it.</summary>
    public Stream Output { get; } = output;

    /// <summary>A regular file with the given content.</summary>
    public void File(string name, string content) => File(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(content));

    /// <summary>A regular file with the given content.</summary>
    public void File(string name, byte[] content) => File(Encoding.UTF8.GetBytes(name), content);

    /// <summary>A regular file with a raw (possibly invalid UTF-8) name.</summary>
    public void File(byte[] name, byte[] content)
    {
        Header(name, content.Length, RegularFile);
        Output.Write(content);
        Pad(content.Length);
    }

    /// <summary>A regular file whose <paramref name="size"/> bytes come from <paramref name="write"/>.</summary>
    public void File(string name, long size, Action<Stream> write)
    {
        Header(Encoding.UTF8.GetBytes(name), size, RegularFile);
        var counted = new CountingStream(Output);
        write(counted);
        if (counted.Written != size)
            throw new InvalidOperationException($"{name}: the header declares {size} bytes but {counted.Written} were written");
        Pad(size);
    }

    /// <summary>Only the header of a regular file; the caller writes (or withholds) its content.</summary>
    public void FileHeader(string name, long declaredSize) => Header(Encoding.UTF8.GetBytes(name), declaredSize, RegularFile);

    /// <summary>A symbolic link.</summary>
    public void Symlink(string name, string target) => Header(Encoding.UTF8.GetBytes(name), 0, SymbolicLink, target);

    /// <summary>A hard link: a second name for another entry of the archive.</summary>
    public void Hardlink(string name, string target) => Header(Encoding.UTF8.GetBytes(name), 0, HardLink, target);

    /// <summary>Fills the last block of content that was <paramref name="size"/> bytes long.</summary>
    public void Pad(long size)
    {
        var rest = (int)(size % BlockSize);
        if (rest != 0)
            Output.Write(Zeros, 0, BlockSize - rest);
    }

    /// <summary>The end-of-archive marker: two zero blocks.</summary>
    public void End() => Output.Write(Zeros);

    private void Header(byte[] name, long size, byte type, string? linkName = null)
    {
        if (name.Length > 100)
            throw new ArgumentException("names longer than 100 bytes need a prefix field this writer does not write", nameof(name));
        if (size is < 0 or > MaxSize)
            throw new ArgumentOutOfRangeException(nameof(size));
        Span<byte> header = stackalloc byte[BlockSize];
        header.Clear();
        name.CopyTo(header);
        Octal(header.Slice(100, 8), type == SymbolicLink ? 511 : 420); // 0777, 0644
        Octal(header.Slice(108, 8), 1000);
        Octal(header.Slice(116, 8), 1000);
        Octal(header.Slice(124, 12), size);
        Octal(header.Slice(136, 12), 1774828800); // 2026-03-30, the incident in DESIGN.md
        header[156] = type;
        if (linkName is not null)
            Encoding.UTF8.GetBytes(linkName).CopyTo(header.Slice(157, 100));
        "ustar\0"u8.CopyTo(header[257..]);
        "00"u8.CopyTo(header[263..]);
        "hostile"u8.CopyTo(header[265..]);
        "hostile"u8.CopyTo(header[297..]);
        // The checksum is the byte sum with its own field counted as spaces.
        header.Slice(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
            sum += b;
        Octal(header.Slice(148, 7), sum);
        Output.Write(header);
    }

    /// <summary>Zero-padded octal digits followed by a NUL, filling <paramref name="field"/>.</summary>
    private static void Octal(Span<byte> field, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(field.Length - 1, '0');
        Encoding.ASCII.GetBytes(digits).CopyTo(field);
        field[^1] = 0;
    }

    /// <summary>Counts what a generator writes, so that a header never disagrees with its content by accident.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
