using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using PackGuard.Tests.Fuzzing.Seeds;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Structure-aware tar mutations: header fields (sizes, type flags, names, link names, base-256
/// numbers, magic), pax and GNU long-name records, and whole blocks. The checksum is usually
/// recomputed after the change, so that the reader accepts the header and the mutation reaches
/// what comes after it.
/// </summary>
public static class TarMutations
{
    private const int Block = TarBuilder.Block;

    private static readonly (string Name, int Offset, int Length, bool Numeric)[] Fields =
    [
        ("name", 0, 100, false), ("mode", 100, 8, true), ("uid", 108, 8, true), ("gid", 116, 8, true),
        ("size", 124, 12, true), ("mtime", 136, 12, true), ("chksum", 148, 8, true), ("typeflag", 156, 1, false),
        ("linkname", 157, 100, false), ("magic", 257, 6, false), ("version", 263, 2, false), ("uname", 265, 32, false),
        ("gname", 297, 32, false), ("devmajor", 329, 8, true), ("devminor", 337, 8, true), ("prefix", 345, 155, false),
    ];

    private static readonly byte[] TypeFlags = "01234567xgXLKSDMNVAI\0Z"u8.ToArray();

    /// <summary>Applies one tar mutation to <paramref name="tar"/>.</summary>
    public static byte[] Mutate(byte[] tar, FuzzRandom random, out string description)
    {
        var headers = HeaderOffsets(tar);
        if (headers.Count == 0)
        {
            description = "tar:new-header";
            return [.. Header("package/x.js", (byte)'0', 10, random), .. "0123456789"u8, .. new byte[Block - 10 + (2 * Block)]];
        }
        return random.Next(10) switch
        {
            < 6 => MutateField(tar, random.Pick(headers), random, out description),
            6 => MutatePax(tar, headers, random, out description),
            7 => MutateLongName(tar, headers, random, out description),
            _ => MutateBlocks(tar, headers, random, out description),
        };
    }

    /// <summary>Where each header starts, following the size fields; stops at the first block that makes no sense.</summary>
    public static List<int> HeaderOffsets(byte[] tar)
    {
        var offsets = new List<int>();
        var position = 0L;
        while (position + Block <= tar.Length && offsets.Count < 100_000)
        {
            var header = tar.AsSpan((int)position, Block);
            if (!header.ContainsAnyExcept((byte)0))
                break;
            var size = ReadNumber(header.Slice(124, 12));
            if (size < 0 || size > tar.Length)
                break;
            offsets.Add((int)position);
            position += Block + ((size + Block - 1) / Block * Block);
        }
        return offsets;
    }

    private static byte[] MutateField(byte[] tar, int at, FuzzRandom random, out string description)
    {
        var copy = (byte[])tar.Clone();
        var header = copy.AsSpan(at, Block);
        var (name, offset, length, numeric) = random.Pick(Fields);
        var field = header.Slice(offset, length);
        string value;
        if (name == "typeflag")
        {
            field[0] = random.Chance(85) ? random.Pick(TypeFlags) : random.Bytes(1)[0];
            value = ((char)field[0]).ToString();
        }
        else if (name == "magic")
        {
            value = random.Pick(["ustar\0", "ustar ", "ustar  ", "USTAR\0", "\0\0\0\0\0\0", "ustaR\0", "ust"]);
            Fill(field, Encoding.Latin1.GetBytes(value));
        }
        else if (name == "version")
        {
            value = random.Pick(["00", " \0", "0\0", "99", "\0\0"]);
            Fill(field, Encoding.Latin1.GetBytes(value));
        }
        else if (numeric)
            value = WriteNumber(field, random, name == "size" ? ReadNumber(tar.AsSpan(at + 124, 12)) : 0);
        else
        {
            var bytes = HostileText.NameBytes(random);
            Fill(field, bytes);
            value = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 40)));
        }
        var fix = name != "chksum" && random.Chance(85);
        if (fix)
            TarBuilder.WriteChecksum(header);
        description = $"tar:{name}@{at}={Printable(value)}{(fix ? "" : " (checksum stale)")}";
        return copy;
    }

    /// <summary>Writes a hostile number: octal at a limit, base-256 (positive or negative), or text that is no number.</summary>
    private static string WriteNumber(Span<byte> field, FuzzRandom random, long current)
    {
        switch (random.Next(6))
        {
            case 0 or 1:
            {
                var value = Math.Abs(random.Interesting(current));
                var digits = Convert.ToString(value, 8);
                var terminator = random.Pick(new byte[] { 0, (byte)' ' });
                field.Clear();
                var text = digits.Length >= field.Length ? digits[^field.Length..] : digits.PadLeft(field.Length - 1, '0');
                Encoding.ASCII.GetBytes(text, field);
                if (text.Length < field.Length)
                    field[^1] = terminator;
                return "octal " + text;
            }
            case 2:
            {
                var value = random.Pick([random.Interesting(current), 1L << 33, int.MaxValue + 1L, long.MaxValue, uint.MaxValue + 1L]);
                field.Clear();
                field[0] = 0x80;
                Span<byte> be = stackalloc byte[8];
                BinaryPrimitives.WriteInt64BigEndian(be, value);
                var room = Math.Min(8, field.Length - 1);
                be[(8 - room)..].CopyTo(field[(field.Length - room)..]);
                return $"base256 {value}";
            }
            case 3:
            {
                field.Fill(0xFF);
                var tail = random.Bytes(Math.Min(3, field.Length - 1));
                tail.CopyTo(field[(field.Length - tail.Length)..]);
                return "base256 negative";
            }
            case 4:
                field.Fill(random.Pick(new byte[] { 0, (byte)' ', (byte)'7', (byte)'8' }));
                return $"filled 0x{field[0]:X2}";
            default:
            {
                var text = HostileText.Number(random, current);
                Fill(field, Encoding.ASCII.GetBytes(text));
                return text;
            }
        }
    }

    private static byte[] MutatePax(byte[] tar, List<int> headers, FuzzRandom random, out string description)
    {
        var records = Records(random, out var summary);
        var existing = headers.Where(h => tar[h + 156] is (byte)'x' or (byte)'g').ToList();
        if (existing.Count > 0 && random.Chance(70))
        {
            var at = random.Pick(existing);
            description = $"tar:pax@{at}={summary}";
            return ReplaceData(tar, at, records, random);
        }
        var before = random.Pick(headers);
        var type = random.Chance(80) ? (byte)'x' : (byte)'g';
        description = $"tar:insert-pax({(char)type})@{before}={summary}";
        return Insert(tar, before, [.. Header("PaxHeaders/x", type, records.Length, random), .. Padded(records)]);
    }

    private static byte[] MutateLongName(byte[] tar, List<int> headers, FuzzRandom random, out string description)
    {
        var name = random.Next(4) switch
        {
            0 => new byte[random.Pick([0, 1, 100, 512, 70_000])].Select(_ => (byte)'n').ToArray(),
            1 => [.. HostileText.NameBytes(random)], // no terminating NUL
            2 => random.Bytes(random.Length(2048)),
            _ => [.. HostileText.NameBytes(random), 0],
        };
        var existing = headers.Where(h => tar[h + 156] is (byte)'L' or (byte)'K').ToList();
        if (existing.Count > 0 && random.Chance(60))
        {
            var at = random.Pick(existing);
            description = $"tar:longname@{at}({name.Length})";
            return ReplaceData(tar, at, name, random);
        }
        var before = random.Pick(headers);
        var type = random.Chance(70) ? (byte)'L' : (byte)'K';
        description = $"tar:insert-longname({(char)type})@{before}({name.Length})";
        return Insert(tar, before, [.. Header("././@LongLink", type, name.Length, random), .. Padded(name)]);
    }

    private static byte[] MutateBlocks(byte[] tar, List<int> headers, FuzzRandom random, out string description)
    {
        var at = random.Pick(headers);
        switch (random.Next(5))
        {
            case 0:
                description = $"tar:duplicate-header@{at}";
                return Insert(tar, random.Pick(headers), tar.AsSpan(at, Block).ToArray());
            case 1:
            {
                var last = headers[^1];
                var end = last + Block + (int)((Math.Max(0, ReadNumber(tar.AsSpan(last + 124, 12))) + Block - 1) / Block * Block);
                description = $"tar:drop-end-blocks@{end}";
                return tar[..Math.Min(end, tar.Length)];
            }
            case 2:
                description = $"tar:zero-block@{at}";
                return Insert(tar, at, new byte[Block]);
            case 3:
            {
                var count = random.Pick([10, 100, 3000]);
                var entry = Header("package/many.js", (byte)'0', 0, random);
                description = $"tar:many-entries({count})@{at}";
                return Insert(tar, at, [.. Enumerable.Repeat(entry, count).SelectMany(e => e)]);
            }
            default:
            {
                var garbage = random.Bytes(Block);
                TarBuilder.WriteChecksum(garbage);
                description = $"tar:garbage-header@{at}";
                return Insert(tar, at, garbage);
            }
        }
    }

    /// <summary>Pax records: mostly well-formed, with hostile values; sometimes malformed.</summary>
    private static byte[] Records(FuzzRandom random, out string summary)
    {
        var keys = new List<string>();
        var text = new StringBuilder();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var (key, value) = random.Next(12) switch
            {
                0 or 1 => ("size", HostileText.Number(random, 100)),
                2 => ("path", HostileText.Name(random)),
                3 => ("linkpath", HostileText.Name(random)),
                4 => ("mtime", random.Pick(["-1.5", "1e400", "abc", "99999999999999999999.999999999", "1774828800.5"])),
                5 => (random.Pick(["uid", "gid"]), HostileText.Number(random)),
                6 => ("GNU.sparse." + random.Pick(["size", "map", "major", "minor", "name", "realsize", "numblocks", "offset"]), random.Pick(["1", "0,10,20,30", "-1", "99999999999", "x"])),
                7 => ("hdrcharset", "BINARY"),
                8 => ("comment", new string('c', random.Pick([1, 1000, 60_000]))),
                9 => ("", "empty key"),
                10 => (random.Pick(["atime", "ctime"]), HostileText.Number(random)),
                _ => ("uname", new string('u', random.Pick([1, 32, 33, 5000]))),
            };
            keys.Add(key);
            text.Append(random.Next(8) switch
            {
                0 => $"{random.Pick(["0", "-5", "99999999999", "abc", "3"])} {key}={value}\n",
                1 => $"{key}={value}\n",
                2 => Record(key, value).TrimEnd('\n'),
                _ => Record(key, value),
            });
        }
        summary = string.Join(",", keys);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Record(string key, string value)
    {
        var body = $" {key}={value}\n";
        var bodyLength = Encoding.UTF8.GetByteCount(body);
        var length = bodyLength + 1;
        while (length.ToString(CultureInfo.InvariantCulture).Length + bodyLength != length)
            length++;
        return length.ToString(CultureInfo.InvariantCulture) + body;
    }

    /// <summary>Replaces the data of the entry at <paramref name="at"/>, fixing its size field (usually) and checksum.</summary>
    private static byte[] ReplaceData(byte[] tar, int at, byte[] data, FuzzRandom random)
    {
        var oldSize = Math.Max(0, ReadNumber(tar.AsSpan(at + 124, 12)));
        var oldEnd = (int)Math.Min(tar.Length, at + Block + ((oldSize + Block - 1) / Block * Block));
        var header = tar.AsSpan(at, Block).ToArray();
        if (random.Chance(90))
            TarBuilder.WriteOctal(header.AsSpan(124, 12), data.Length);
        TarBuilder.WriteChecksum(header);
        return [.. tar.AsSpan(0, at), .. header, .. Padded(data), .. tar.AsSpan(oldEnd)];
    }

    private static byte[] Header(string name, byte type, long size, FuzzRandom random)
    {
        var header = new byte[Block];
        Encoding.UTF8.GetBytes(name).AsSpan(0, Math.Min(100, Encoding.UTF8.GetByteCount(name))).CopyTo(header);
        TarBuilder.WriteOctal(header.AsSpan(100, 8), 0x1A4);
        TarBuilder.WriteOctal(header.AsSpan(108, 8), 0);
        TarBuilder.WriteOctal(header.AsSpan(116, 8), 0);
        TarBuilder.WriteOctal(header.AsSpan(124, 12), size);
        TarBuilder.WriteOctal(header.AsSpan(136, 12), random.Next(1 << 30));
        header[156] = type;
        "ustar\0"u8.CopyTo(header.AsSpan(257));
        "00"u8.CopyTo(header.AsSpan(263));
        TarBuilder.WriteChecksum(header);
        return header;
    }

    private static byte[] Insert(byte[] tar, int at, byte[] blocks) => [.. tar.AsSpan(0, at), .. blocks, .. tar.AsSpan(at)];

    private static byte[] Padded(byte[] data) => [.. data, .. new byte[(Block - (data.Length % Block)) % Block]];

    private static void Fill(Span<byte> field, ReadOnlySpan<byte> value)
    {
        field.Clear();
        value[..Math.Min(value.Length, field.Length)].CopyTo(field);
    }

    /// <summary>An octal or base-256 number field, or −1.</summary>
    public static long ReadNumber(ReadOnlySpan<byte> field)
    {
        if (field[0] == 0x80)
        {
            long value = 0;
            foreach (var b in field[1..])
            {
                if (value > (long.MaxValue >> 8))
                    return -1;
                value = (value << 8) | b;
            }
            return value;
        }
        long result = 0;
        var seen = false;
        foreach (var b in field)
        {
            if (b == (byte)' ' && !seen)
                continue;
            if (b is < (byte)'0' or > (byte)'7')
                break;
            seen = true;
            if (result > (long.MaxValue >> 3))
                return -1;
            result = (result << 3) | (long)(b - '0');
        }
        return result;
    }

    private static string Printable(string value) =>
        new([.. value.Take(40).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
}
