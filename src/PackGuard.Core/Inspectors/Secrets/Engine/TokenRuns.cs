using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Finds runs of token characters (<c>[A-Za-z0-9_-]</c>) at least <see cref="MinimumLength"/>
/// long. Every API key, token and key blob contains such a run, and ordinary text and code rarely
/// do, so this one vectorised pass replaces a search for hundreds of prefixes. The text is
/// classified sixteen characters at a time into a bit mask; a run of sixteen either fills a whole
/// block or straddles two, where the first block's trailing ones and the next block's leading
/// ones add up to sixteen. Only there is the run measured exactly.
/// </summary>
internal static class TokenRuns
{
    /// <summary>Shortest run reported.</summary>
    public const int MinimumLength = 16;

    private const int Block = 16;

    /// <summary>Appends each run's (start, length) to <paramref name="runs"/>, in order.</summary>
    public static void Find(ReadOnlySpan<char> text, List<(int Start, int Length)> runs)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        var previousTrailing = 0;
        var resumeAt = 0;
        var i = 0;
        for (; i + Block <= chars.Length; i += Block)
        {
            var mask = Mask(chars.Slice(i, Block));
            if (mask == 0)
            {
                previousTrailing = 0;
                continue;
            }
            var leading = BitOperations.TrailingZeroCount(~mask | 0x10000);
            if (mask == 0xFFFF || previousTrailing + leading >= MinimumLength)
            {
                var probe = mask == 0xFFFF ? i : i - previousTrailing;
                if (probe >= resumeAt)
                    resumeAt = Report(text, probe, runs);
            }
            previousTrailing = mask == 0xFFFF ? previousTrailing + Block : BitOperations.LeadingZeroCount(~mask << 16);
        }
        // The tail shorter than a block: measure it directly.
        var tail = Math.Max(resumeAt, i - previousTrailing);
        while (tail < text.Length)
        {
            if (!IsTokenChar(text[tail]))
            {
                tail++;
                continue;
            }
            tail = Report(text, tail, runs);
        }
    }

    /// <summary>The token characters, for vectorised searches to the ends of a run.</summary>
    public static readonly System.Buffers.SearchValues<char> TokenChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    /// <summary>Measures the run through <paramref name="inside"/>, records it if long enough, and returns its end.</summary>
    private static int Report(ReadOnlySpan<char> text, int inside, List<(int Start, int Length)> runs)
    {
        // Runs inside base64 are kilobytes long: find their ends with vector searches.
        var start = text[..inside].LastIndexOfAnyExcept(TokenChars) + 1;
        var after = text[inside..].IndexOfAnyExcept(TokenChars);
        var end = after < 0 ? text.Length : inside + after;
        if (end - start >= MinimumLength && (runs.Count == 0 || runs[^1].Start != start))
            runs.Add((start, end - start));
        return end;
    }

    /// <summary>Whether <paramref name="c"/> may be part of a token run.</summary>
    public static bool IsTokenChar(char c) =>
        (uint)((c | 0x20) - 'a') < 26 || (uint)(c - '0') < 10 || c == '_' || c == '-';

    /// <summary>Bit k is set when character k of the block is a token character.</summary>
    private static uint Mask(ReadOnlySpan<ushort> block)
    {
        if (Vector256.IsHardwareAccelerated)
            return Vector256.ExtractMostSignificantBits(Classify(Vector256.Create(block)));
        if (Vector128.IsHardwareAccelerated)
        {
            return Vector128.ExtractMostSignificantBits(Classify(Vector128.Create(block[..8]))) |
                   (Vector128.ExtractMostSignificantBits(Classify(Vector128.Create(block[8..]))) << 8);
        }
        uint mask = 0;
        for (var k = 0; k < block.Length; k++)
        {
            if (IsTokenChar((char)block[k]))
                mask |= 1u << k;
        }
        return mask;
    }

    private static Vector256<ushort> Classify(Vector256<ushort> v)
    {
        var letter = Vector256.LessThan((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
        var digit = Vector256.LessThan(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
        var other = Vector256.Equals(v, Vector256.Create((ushort)'_')) | Vector256.Equals(v, Vector256.Create((ushort)'-'));
        return letter | digit | other;
    }

    private static Vector128<ushort> Classify(Vector128<ushort> v)
    {
        var letter = Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
        var digit = Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        var other = Vector128.Equals(v, Vector128.Create((ushort)'_')) | Vector128.Equals(v, Vector128.Create((ushort)'-'));
        return letter | digit | other;
    }
}
