using System.Buffers.Binary;

namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Mutations that know nothing of the format: flip bits, write interesting values, insert, delete,
/// duplicate, splice with another seed, truncate, extend. Each returns new bytes and says what it did.
/// </summary>
public static class ByteMutations
{
    /// <summary>No mutation grows an input beyond this.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly byte[] InterestingBytes = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0x20, 0x30, 0x37, 0x38, 0x0A, 0x22, 0x5C, 0x2F, 0x2E, 0x21];

    /// <summary>Applies one randomly chosen mutation. <paramref name="other"/> gives bytes to splice in.</summary>
    public static byte[] Mutate(byte[] data, FuzzRandom random, Func<byte[]> other, out string description)
    {
        if (data.Length == 0)
        {
            var fresh = random.Bytes(random.Length(1024));
            description = $"fill({fresh.Length})";
            return fresh;
        }
        var at = random.Next(data.Length);
        switch (random.Next(13))
        {
            case 0:
            {
                var copy = (byte[])data.Clone();
                var flips = random.Length(16);
                for (var i = 0; i < flips; i++)
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                description = $"flip({flips} bits)";
                return copy;
            }
            case 1:
            {
                var copy = (byte[])data.Clone();
                copy[at] = random.Pick(InterestingBytes);
                description = $"byte@{at}=0x{copy[at]:X2}";
                return copy;
            }
            case 2:
            {
                var copy = (byte[])data.Clone();
                var width = random.Pick([2, 4, 8]);
                if (at + width > copy.Length)
                    at = Math.Max(0, copy.Length - width);
                var value = random.Interesting(copy.Length);
                var bigEndian = random.Chance(30);
                WriteInteger(copy.AsSpan(at, Math.Min(width, copy.Length - at)), value, bigEndian);
                description = $"int{width * 8}{(bigEndian ? "be" : "le")}@{at}={value}";
                return copy;
            }
            case 3:
            {
                var inserted = random.Chance(50) ? random.Bytes(random.Length(256)) : Enumerable.Repeat(random.Pick(InterestingBytes), random.Length(64 * 1024)).ToArray();
                description = $"insert@{at}({inserted.Length})";
                return Cap([.. data.AsSpan(0, at), .. inserted, .. data.AsSpan(at)]);
            }
            case 4:
            {
                var length = Math.Min(random.Length(4096), data.Length - at);
                description = $"delete@{at}({length})";
                return [.. data.AsSpan(0, at), .. data.AsSpan(at + length)];
            }
            case 5:
            {
                var length = Math.Min(random.Length(4096), data.Length - at);
                var times = random.Chance(80) ? 1 : random.Next(2, 200);
                var to = random.Next(data.Length + 1);
                var range = data.AsSpan(at, length).ToArray();
                var repeated = Enumerable.Repeat(range, times).SelectMany(r => r).ToArray();
                description = $"duplicate@{at}({length})x{times}->{to}";
                return Cap([.. data.AsSpan(0, to), .. repeated, .. data.AsSpan(to)]);
            }
            case 6:
            {
                var donor = other();
                var from = random.Next(donor.Length);
                var length = random.Chance(50) ? donor.Length - from : Math.Min(random.Length(8192), donor.Length - from);
                var keepTail = random.Chance(50);
                description = $"splice@{at}<-other[{from}..+{length}]{(keepTail ? "+tail" : "")}";
                return Cap([.. data.AsSpan(0, at), .. donor.AsSpan(from, length), .. (keepTail ? data.AsSpan(at) : [])]);
            }
            case 7:
            {
                var cut = random.Chance(30) ? data.Length - random.Next(1, Math.Min(data.Length, 32) + 1) : at;
                description = $"truncate@{cut}";
                return data[..cut];
            }
            case 8:
            {
                var extra = random.Next(3) switch
                {
                    0 => new byte[random.Length(64 * 1024)],
                    1 => random.Bytes(random.Length(4096)),
                    _ => data[..Math.Min(data.Length, random.Length(data.Length))],
                };
                description = $"extend({extra.Length})";
                return Cap([.. data, .. extra]);
            }
            case 9:
            {
                var copy = (byte[])data.Clone();
                var from = random.Next(copy.Length);
                var length = Math.Min(random.Length(512), Math.Min(copy.Length - from, copy.Length - at));
                data.AsSpan(from, length).CopyTo(copy.AsSpan(at));
                description = $"overwrite@{at}<-[{from}..+{length}]";
                return copy;
            }
            case 10:
            {
                var copy = (byte[])data.Clone();
                var length = Math.Min(random.Length(256), copy.Length - at);
                copy.AsSpan(at, length).Fill(random.Pick(InterestingBytes));
                description = $"fill@{at}({length})=0x{copy[at]:X2}";
                return copy;
            }
            case 11:
            {
                var copy = (byte[])data.Clone();
                var length = Math.Min(random.Length(64), copy.Length - at);
                random.Bytes(length).CopyTo(copy, at);
                description = $"random@{at}({length})";
                return copy;
            }
            default:
            {
                var copy = (byte[])data.Clone();
                var delta = random.Pick([-1, 1, -16, 16, 128, -128]);
                copy[at] = unchecked((byte)(copy[at] + delta));
                description = $"add@{at}({delta})";
                return copy;
            }
        }
    }

    /// <summary>Writes the low bytes of <paramref name="value"/> over <paramref name="span"/>.</summary>
    public static void WriteInteger(Span<byte> span, long value, bool bigEndian)
    {
        Span<byte> all = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(all, value);
        var bytes = all[..span.Length];
        if (bigEndian)
            bytes.Reverse();
        bytes.CopyTo(span);
    }

    private static byte[] Cap(byte[] data) => data.Length <= MaxBytes ? data : data[..MaxBytes];
}
