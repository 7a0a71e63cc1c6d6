using System.Runtime.Intrinsics;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Finds runs of token characters (<c>[A-Za-z0-9_-]</c>) at least <see cref="MinimumLength"/>
/// long. Every API key, token and key blob contains such a run, and ordinary text and code rarely
/// do, so this one vectorised pass replaces a search for hundreds of prefixes: a run of 16 must
/// contain an aligned block of 8 token characters, and blocks are checked 8 characters at a time.
/// </summary>
internal static class TokenRuns
{
    /// <summary>Shortest run reported.</summary>
    public const int MinimumLength = 16;

    private const int Block = 8;

    /// <summary>Appends each run's (start, length) to <paramref name="runs"/>, in order.</summary>
    public static void Find(ReadOnlySpan<char> text, List<(int Start, int Length)> runs)
    {
        var i = 0;
        // Align blocks to the start of the text; a run of 16 anywhere covers one such block.
        while (i + Block <= text.Length)
        {
            if (!IsTokenBlock(text.Slice(i, Block)))
            {
                i += Block;
                continue;
            }
            var start = i;
            while (start > 0 && IsTokenChar(text[start - 1]))
                start--;
            var end = i + Block;
            while (end < text.Length && IsTokenChar(text[end]))
                end++;
            if (end - start >= MinimumLength)
                runs.Add((start, end - start));
            // Continue at the first aligned block after the run.
            i = end + ((Block - (end % Block)) % Block);
        }
    }

    /// <summary>Whether <paramref name="c"/> may be part of a token run.</summary>
    public static bool IsTokenChar(char c) =>
        (uint)((c | 0x20) - 'a') < 26 || (uint)(c - '0') < 10 || c == '_' || c == '-';

    private static bool IsTokenBlock(ReadOnlySpan<char> block)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            var v = Vector128.Create(System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(block));
            var letter = Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26));
            var digit = Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
            var other = Vector128.Equals(v, Vector128.Create((ushort)'_')) | Vector128.Equals(v, Vector128.Create((ushort)'-'));
            return (letter | digit | other) == Vector128<ushort>.AllBitsSet;
        }
        foreach (var c in block)
        {
            if (!IsTokenChar(c))
                return false;
        }
        return true;
    }
}
