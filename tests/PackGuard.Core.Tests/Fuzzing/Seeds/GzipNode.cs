using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PackGuard.Tests.Fuzzing.Seeds;

/// <summary>
/// A gzip stream of <paramref name="Inner"/>, framed by hand (RFC 1952) so that the header is the
/// same on every platform and can carry a file name, or be split into several members.
/// </summary>
/// <param name="Inner">The compressed content.</param>
/// <param name="Level">How hard deflate works; <see cref="CompressionLevel.NoCompression"/> writes stored blocks.</param>
/// <param name="FileName">Written in the FNAME field when set.</param>
/// <param name="SplitAt">Splits the content into two members at this fraction of its length, when set.</param>
public sealed record GzipNode(FuzzNode Inner, CompressionLevel Level = CompressionLevel.Fastest, string? FileName = null, double? SplitAt = null) : FuzzNode
{
    /// <inheritdoc />
    public override FuzzShape Shape => FuzzShape.Gzip;

    /// <inheritdoc />
    public override IReadOnlyList<FuzzNode> Children => [Inner];

    /// <inheritdoc />
    public override FuzzNode WithChild(int index, FuzzNode child) => this with { Inner = child };

    /// <inheritdoc />
    public override byte[] Render()
    {
        var data = Inner.Render();
        if (SplitAt is not { } fraction)
            return Member(data, Level, FileName);
        var at = (int)(data.Length * Math.Clamp(fraction, 0, 1));
        return [.. Member(data[..at], Level, FileName), .. Member(data[at..], Level, null)];
    }

    /// <summary>One gzip member: header, raw deflate, CRC-32 and length.</summary>
    public static byte[] Member(ReadOnlySpan<byte> data, CompressionLevel level = CompressionLevel.Fastest, string? fileName = null)
    {
        using var buffer = new MemoryStream();
        buffer.Write([0x1F, 0x8B, 8, (byte)(fileName is null ? 0 : 8), 0, 0, 0, 0, 0, 3]);
        if (fileName is not null)
        {
            buffer.Write(Encoding.Latin1.GetBytes(fileName));
            buffer.WriteByte(0);
        }
        using (var deflate = new DeflateStream(buffer, level, leaveOpen: true))
            deflate.Write(data);
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.Compute(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)data.Length);
        buffer.Write(trailer);
        return buffer.ToArray();
    }
}

/// <summary>CRC-32 (IEEE 802.3, as gzip and zip use it), for framing gzip and repairing trailers.</summary>
public static class Crc32
{
    private static readonly uint[] Table = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    })];

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }
}
