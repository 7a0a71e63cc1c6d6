using System.Buffers.Binary;

namespace PackGuard.Artifacts.Streams;

/// <summary>
/// Incremental CRC-32 (IEEE 802.3, as zip and gzip use it), eight bytes a step with eight tables:
/// every byte of every zip entry read goes through it, so the byte-a-step form (a few hundred MB/s)
/// would cost a large package seconds.
/// </summary>
internal static class Crc32
{
    public const uint Initial = 0xFFFFFFFF;

    private const uint ReflectedPolynomial = 0xEDB88320;

    private static readonly uint[] Tables = BuildTables();

    /// <summary>Adds <paramref name="data"/> to a running state that started at <see cref="Initial"/>.</summary>
    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        var t = Tables;
        var crc = state;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (low & 0xFF)] ^ t[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ t[(5 * 256) + ((low >> 16) & 0xFF)] ^ t[(4 * 256) + (low >> 24)]
                ^ t[(3 * 256) + (high & 0xFF)] ^ t[(2 * 256) + ((high >> 8) & 0xFF)]
                ^ t[256 + ((high >> 16) & 0xFF)] ^ t[high >> 24];
            data = data[8..];
        }
        foreach (var b in data)
            crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    /// <summary>The checksum of everything appended.</summary>
    public static uint Finish(uint state) => ~state;

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    private static uint[] BuildTables()
    {
        var tables = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
            tables[n] = c;
        }
        for (var n = 0; n < 256; n++)
        {
            for (var slice = 1; slice < 8; slice++)
            {
                var previous = tables[((slice - 1) * 256) + n];
                tables[(slice * 256) + n] = (previous >> 8) ^ tables[previous & 0xFF];
            }
        }
        return tables;
    }
}
