using System.Buffers.Binary;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Structure-aware zip mutations: fields of local headers, central directory entries and the
/// end-of-central-directory record (sizes, offsets, counts, name lengths, compression methods,
/// flags), zip64 extra fields and locators, names, and prepended or appended bytes. Offsets are
/// kept consistent where bytes are inserted, so that the reader gets past the directory.
/// </summary>
public static class ZipMutations
{
    private const uint LocalSignature = 0x04034B50;
    private const uint CentralSignature = 0x02014B50;
    private const uint EndSignature = 0x06054B50;

    private static readonly (string Name, int Offset, int Width)[] LocalFields =
    [
        ("version", 4, 2), ("flags", 6, 2), ("method", 8, 2), ("time", 10, 2), ("date", 12, 2), ("crc", 14, 4),
        ("csize", 18, 4), ("usize", 22, 4), ("namelen", 26, 2), ("extralen", 28, 2),
    ];

    private static readonly (string Name, int Offset, int Width)[] CentralFields =
    [
        ("made", 4, 2), ("needed", 6, 2), ("flags", 8, 2), ("method", 10, 2), ("crc", 16, 4), ("csize", 20, 4),
        ("usize", 24, 4), ("namelen", 28, 2), ("extralen", 30, 2), ("commentlen", 32, 2), ("disk", 34, 2),
        ("internal", 36, 2), ("external", 38, 4), ("offset", 42, 4),
    ];

    private static readonly (string Name, int Offset, int Width)[] EndFields =
    [
        ("disk", 4, 2), ("cddisk", 6, 2), ("diskentries", 8, 2), ("entries", 10, 2), ("cdsize", 12, 4),
        ("cdoffset", 16, 4), ("commentlen", 20, 2),
    ];

    private static readonly long[] Methods = [0, 1, 6, 8, 9, 12, 14, 93, 95, 98, 99, 0xFFFF];
    private static readonly long[] Flags = [0, 1, 8, 9, 0x40, 0x800, 0x2000, 0xFFFF];

    /// <summary>The parts of a zip the mutations aim at.</summary>
    private sealed record Layout(int End, List<int> Central, List<int> Local);

    /// <summary>Applies one zip mutation to <paramref name="zip"/>.</summary>
    public static byte[] Mutate(byte[] zip, FuzzRandom random, out string description)
    {
        var layout = Parse(zip);
        if (layout is null)
            return ByteMutations.Mutate(zip, random, () => zip, out description);
        switch (random.Next(14))
        {
            case < 4 when layout.Central.Count > 0:
                return SetField(zip, random.Pick(layout.Central), CentralFields, "central", random, out description);
            case < 6 when layout.Local.Count > 0:
                return SetField(zip, random.Pick(layout.Local), LocalFields, "local", random, out description);
            case < 8:
                return SetField(zip, layout.End, EndFields, "end", random, out description);
            case 8 when layout.Central.Count > 0:
                return Zip64Extra(zip, layout, random.Pick(layout.Central), random, out description);
            case 9:
            {
                var locator = new byte[20];
                BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064B50);
                BinaryPrimitives.WriteInt64LittleEndian(locator.AsSpan(8), random.Interesting(zip.Length));
                BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), (uint)random.Interesting(1));
                description = "zip:zip64-locator";
                var copy = (byte[])zip.Clone();
                if (random.Chance(70))
                    BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(layout.End + 10), 0xFFFF);
                return [.. copy.AsSpan(0, layout.End), .. locator, .. copy.AsSpan(layout.End)];
            }
            case 10 when layout.Central.Count > 0:
                return Rename(zip, layout, random.Pick(layout.Central), random, out description);
            case 11 when layout.Central.Count > 0:
            {
                var at = random.Pick(layout.Central);
                var length = CentralLength(zip, at);
                var entry = zip.AsSpan(at, length).ToArray();
                var copy = InsertAt(zip, layout, layout.End, entry);
                var end = layout.End + length;
                var count = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(end + 10));
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(end + 8), (ushort)(count + 1));
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(end + 10), (ushort)(count + 1));
                description = $"zip:duplicate-central@{at}";
                return copy;
            }
            case 12:
            {
                var prefix = random.Chance(50) ? random.Bytes(random.Length(4096)) : "#!/bin/sh\nexit 0\n"u8.ToArray();
                var fix = random.Chance(60);
                description = $"zip:prepend({prefix.Length}{(fix ? ", offsets fixed" : "")})";
                return fix ? InsertAt(zip, layout, 0, prefix) : [.. prefix, .. zip];
            }
            default:
            {
                var tail = random.Next(3) switch
                {
                    0 => zip.AsSpan(layout.End).ToArray(), // a second end record
                    1 => random.Bytes(random.Length(1024)),
                    _ => [.. "PK\u0005\u0006"u8, .. random.Bytes(18)],
                };
                description = $"zip:append({tail.Length})";
                return [.. zip, .. tail];
            }
        }
    }

    private static Layout? Parse(byte[] zip)
    {
        var end = -1;
        for (var i = zip.Length - 22; i >= Math.Max(0, zip.Length - 22 - 65_535); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == EndSignature)
            {
                end = i;
                break;
            }
        }
        if (end < 0)
            return null;
        var central = new List<int>();
        var local = new List<int>();
        var position = (long)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        while (position + 46 <= end && central.Count < 100_000 &&
               BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan((int)position)) == CentralSignature)
        {
            central.Add((int)position);
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan((int)position + 42));
            if (offset + 30 <= zip.Length && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan((int)offset)) == LocalSignature)
                local.Add((int)offset);
            position += CentralLength(zip, (int)position);
        }
        return new Layout(end, central, local);
    }

    private static int CentralLength(byte[] zip, int at) =>
        46 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28)) +
        BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 32));

    private static byte[] SetField(byte[] zip, int at, (string Name, int Offset, int Width)[] fields, string record, FuzzRandom random, out string description)
    {
        var copy = (byte[])zip.Clone();
        var (name, offset, width) = random.Pick(fields);
        if (at + offset + width > copy.Length)
        {
            description = $"zip:{record}.{name} (out of range)";
            return copy;
        }
        var field = copy.AsSpan(at + offset, width);
        var current = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(field) : BinaryPrimitives.ReadUInt32LittleEndian(field);
        var value = name switch
        {
            "method" => random.Pick(Methods),
            "flags" => random.Pick(Flags),
            "offset" or "cdoffset" when random.Chance(40) => random.Pick([0L, zip.Length, zip.Length - 1L, current + 1, current - 1, 0xFFFFFFFF]),
            _ => random.Chance(25) ? (width == 2 ? 0xFFFF : 0xFFFFFFFF) : random.Interesting(current),
        };
        ByteMutations.WriteInteger(field, value, bigEndian: false);
        description = $"zip:{record}.{name}@{at}={value}";
        return copy;
    }

    /// <summary>Adds a zip64 extended-information field with hostile sizes to a central entry, and marks its sizes as stored there.</summary>
    private static byte[] Zip64Extra(byte[] zip, Layout layout, int at, FuzzRandom random, out string description)
    {
        var count = random.Next(0, 4);
        var extra = new byte[4 + (count * 8) + (random.Chance(20) ? 4 : 0)];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(extra.AsSpan(2), (ushort)(random.Chance(80) ? extra.Length - 4 : random.Interesting(8)));
        for (var i = 0; i < count; i++)
            BinaryPrimitives.WriteInt64LittleEndian(extra.AsSpan(4 + (i * 8)), random.Interesting(zip.Length));
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30));
        var copy = InsertAt(zip, layout, at + 46 + nameLength, extra);
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(at + 30), (ushort)(extraLength + extra.Length));
        if (random.Chance(70))
            copy.AsSpan(at + 20, 8).Fill(0xFF);
        if (random.Chance(30))
            copy.AsSpan(at + 42, 4).Fill(0xFF);
        description = $"zip:zip64-extra@{at}({count} values)";
        return copy;
    }

    private static byte[] Rename(byte[] zip, Layout layout, int at, FuzzRandom random, out string description)
    {
        var name = HostileText.NameBytes(random);
        if (name.Length > ushort.MaxValue)
            name = name[..ushort.MaxValue];
        var oldLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28));
        var copy = Shift(zip, layout, at + 46, name, oldLength);
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(at + 28), (ushort)name.Length);
        description = $"zip:rename@{at}({name.Length} bytes)";
        return copy;
    }

    /// <summary>Inserts bytes and moves every offset that pointed at or past them.</summary>
    private static byte[] InsertAt(byte[] zip, Layout layout, int position, byte[] bytes) =>
        Shift(zip, layout, position, bytes, 0);

    private static byte[] Shift(byte[] zip, Layout layout, int position, byte[] inserted, int removed)
    {
        var delta = inserted.Length - removed;
        var copy = new byte[zip.Length + delta];
        zip.AsSpan(0, position).CopyTo(copy);
        inserted.CopyTo(copy, position);
        zip.AsSpan(position + removed).CopyTo(copy.AsSpan(position + inserted.Length));
        int Moved(int offset) => offset >= position + removed ? offset + delta : offset;
        var cdOffset = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(layout.End + 16));
        foreach (var central in layout.Central)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(central + 42));
            if (offset >= position && offset != 0xFFFFFFFF)
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(Moved(central) + 42), (uint)(offset + delta));
        }
        var end = Moved(layout.End);
        if (cdOffset >= position && cdOffset != 0xFFFFFFFF)
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(end + 16), (uint)(cdOffset + delta));
        else if (position < layout.End)
        {
            var cdSize = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(layout.End + 12));
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(end + 12), (uint)(cdSize + delta));
        }
        return copy;
    }
}
