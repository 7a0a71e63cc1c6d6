using System.Buffers.Binary;
using System.IO.Compression;
using PackGuard.Tests.Fuzzing.Seeds;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Mutations of a gzip stream itself. (Mutating what a gzip holds is done one level down: the
/// content is mutated and compressed again, see <see cref="MutationFuzzer"/>.) Here the deflate
/// data is damaged, and then usually the trailer's CRC-32 and length are recomputed from what the
/// damaged data inflates to, so that the damage reaches the readers behind the checksum; header
/// flags and optional fields, extra members, trailing bytes and forged stored blocks are tried too.
/// </summary>
public static class GzipMutations
{
    private const int MaxInflate = 64 * 1024 * 1024;

    /// <summary>Applies one gzip mutation to <paramref name="gzip"/>.</summary>
    public static byte[] Mutate(byte[] gzip, FuzzRandom random, out string description)
    {
        var bodyStart = BodyStart(gzip);
        if (bodyStart < 0 || gzip.Length < bodyStart + 8)
            return ByteMutations.Mutate(gzip, random, () => gzip, out description);
        switch (random.Next(10))
        {
            case < 5:
            {
                var body = gzip.AsSpan(bodyStart, gzip.Length - 8 - bodyStart).ToArray();
                var mutated = ByteMutations.Mutate(body, random, () => body, out var inner);
                var result = Frame(gzip.AsSpan(0, bodyStart), mutated, gzip.AsSpan(gzip.Length - 8));
                var fixedTrailer = random.Chance(75) && FixTrailer(result, bodyStart);
                description = $"gzip:deflate[{inner}]{(fixedTrailer ? " (trailer recomputed)" : "")}";
                return result;
            }
            case 5:
                return Header(gzip, bodyStart, random, out description);
            case 6:
            {
                var copy = (byte[])gzip.Clone();
                var offset = copy.Length - (random.Chance(50) ? 8 : 4);
                ByteMutations.WriteInteger(copy.AsSpan(offset, 4), random.Interesting(Inflate(copy.AsSpan(bodyStart).ToArray())?.Length ?? 0), bigEndian: false);
                description = $"gzip:trailer@{offset}";
                return copy;
            }
            case 7:
            {
                var member = random.Next(4) switch
                {
                    0 => GzipNode.Member([]),
                    1 => GzipNode.Member(random.Bytes(random.Length(2048))),
                    2 => gzip,
                    _ => random.Bytes(random.Length(64)),
                };
                description = $"gzip:append-member({member.Length})";
                return [.. gzip, .. member];
            }
            case 8:
                return Stored(gzip, bodyStart, random, out description);
            default:
            {
                var cut = gzip.Length - random.Next(1, 9);
                description = $"gzip:cut-trailer@{cut}";
                return gzip[..cut];
            }
        }
    }

    /// <summary>Where the deflate data starts, after the optional header fields; −1 when the header is not gzip.</summary>
    public static int BodyStart(ReadOnlySpan<byte> gzip)
    {
        if (gzip.Length < 18 || gzip[0] != 0x1F || gzip[1] != 0x8B)
            return -1;
        var flags = gzip[3];
        var at = 10;
        if ((flags & 4) != 0)
            at += 2 + (gzip.Length >= 12 ? BinaryPrimitives.ReadUInt16LittleEndian(gzip[10..]) : 0);
        foreach (var bit in new[] { 8, 16 })
        {
            if ((flags & bit) == 0)
                continue;
            var end = at < gzip.Length ? gzip[at..].IndexOf((byte)0) : -1;
            if (end < 0)
                return -1;
            at += end + 1;
        }
        if ((flags & 2) != 0)
            at += 2;
        return at <= gzip.Length ? at : -1;
    }

    /// <summary>Inflates raw deflate data, or returns null when it does not inflate (or inflates too much).</summary>
    public static byte[]? Inflate(byte[] deflate)
    {
        try
        {
            using var input = new MemoryStream(deflate);
            using var inflater = new DeflateStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > MaxInflate)
                    return null;
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool FixTrailer(byte[] gzip, int bodyStart)
    {
        var inflated = Inflate(gzip.AsSpan(bodyStart, gzip.Length - 8 - bodyStart).ToArray());
        if (inflated is null)
            return false;
        BinaryPrimitives.WriteUInt32LittleEndian(gzip.AsSpan(gzip.Length - 8), Crc32.Compute(inflated));
        BinaryPrimitives.WriteUInt32LittleEndian(gzip.AsSpan(gzip.Length - 4), (uint)inflated.Length);
        return true;
    }

    private static byte[] Header(byte[] gzip, int bodyStart, FuzzRandom random, out string description)
    {
        var flags = (byte)random.Next(256);
        var fields = new List<byte>();
        var honest = random.Chance(70);
        if (honest)
        {
            if ((flags & 4) != 0)
            {
                var extra = random.Bytes(random.Length(300));
                fields.AddRange(BitConverter.GetBytes((ushort)extra.Length));
                fields.AddRange(extra);
            }
            if ((flags & 8) != 0)
                fields.AddRange([.. "name-"u8, .. random.Bytes(random.Length(200)).Select(b => (byte)(b | 1)), 0]);
            if ((flags & 16) != 0)
                fields.AddRange([.. "comment"u8, 0]);
            if ((flags & 2) != 0)
                fields.AddRange(random.Bytes(2));
        }
        var header = gzip.AsSpan(0, 10).ToArray();
        header[3] = flags;
        if (random.Chance(20))
            header[random.Pick([4, 8, 9])] = (byte)random.Next(256);
        description = $"gzip:flags=0x{flags:X2}{(honest ? "" : " (fields missing)")}";
        return [.. header, .. fields, .. gzip.AsSpan(bodyStart)];
    }

    /// <summary>Replaces the deflate data with stored blocks of what it inflates to, sometimes with lying lengths.</summary>
    private static byte[] Stored(byte[] gzip, int bodyStart, FuzzRandom random, out string description)
    {
        var data = Inflate(gzip.AsSpan(bodyStart, gzip.Length - 8 - bodyStart).ToArray()) ?? random.Bytes(random.Length(4096));
        var body = new List<byte>();
        var blockSize = random.Pick([1, 7, 512, 65_535]);
        var lie = random.Chance(40);
        for (var at = 0; at < data.Length || at == 0; at += blockSize)
        {
            var length = Math.Min(blockSize, data.Length - at);
            var final = at + blockSize >= data.Length;
            body.Add((byte)(final && !(lie && random.Chance(50)) ? 1 : 0));
            var declared = (ushort)(lie && random.Chance(20) ? random.Interesting(length) : length);
            body.AddRange(BitConverter.GetBytes(declared));
            body.AddRange(BitConverter.GetBytes((ushort)(lie && random.Chance(20) ? declared : ~declared)));
            body.AddRange(data.AsSpan(at, Math.Max(0, length)).ToArray());
            if (length <= 0)
                break;
        }
        var trailer = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.Compute(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(4), (uint)data.Length);
        description = $"gzip:stored-blocks({blockSize}{(lie ? ", lying" : "")})";
        return Frame(gzip.AsSpan(0, bodyStart), [.. body], trailer);
    }

    private static byte[] Frame(ReadOnlySpan<byte> header, ReadOnlySpan<byte> body, ReadOnlySpan<byte> trailer) =>
        [.. header, .. body, .. trailer];
}
