namespace PackGuard.Tests.Fuzzing.Mutations;

/// <summary>
/// Moves an interesting byte (an escape, a quote, a multi-byte character, a <c>data:</c> URL, a
/// base64 payload) to just before or after an offset where the scanner's streaming readers change
/// state: the walker's 8 KiB head and 128 KiB chunks, the secret scanner's 256 KiB segments and
/// 16 KiB overlap, and the map reader's and URL scanner's bounds on names and headers. Seeds are
/// small, so without this most inputs arrive in one piece and a boundary is never crossed.
/// </summary>
public static class BoundaryMutations
{
    private static readonly int[] Boundaries = [256, 2048, 4096, 8192, 16 * 1024, 8192 + (128 * 1024), (256 - 16) * 1024, 256 * 1024, 8192 + (256 * 1024)];

    private static readonly byte[][] Markers =
        ["\\"u8.ToArray(), "\""u8.ToArray(), "data:"u8.ToArray(), "base64,"u8.ToArray(), "sourceMappingURL"u8.ToArray(), "%"u8.ToArray(), "\n"u8.ToArray(), "-----BEGIN"u8.ToArray(), "eyJ"u8.ToArray()];

    /// <summary>Inserts filler before an interesting position so that it lands near a boundary.</summary>
    public static byte[] Shift(byte[] data, bool json, FuzzRandom random, out string description)
    {
        var target = random.Pick(Boundaries) + random.Next(-8, 9);
        var position = Interesting(data, random);
        var filler = target - position;
        if (filler <= 0)
        {
            description = $"boundary:none({position}>{target})";
            return data;
        }
        // JSON takes whitespace anywhere between tokens, or more characters inside the string the
        // position is in; a script takes a comment line; anything else, spaces.
        var inside = json && random.Chance(50);
        var at = inside ? Math.Max(0, position - 1) : 0;
        var bytes = inside ? Enumerable.Repeat((byte)'x', filler).ToArray()
            : json ? Enumerable.Repeat((byte)' ', filler).ToArray()
            : filler > 3 && random.Chance(60) ? [.. "//"u8, .. Enumerable.Repeat((byte)'x', filler - 3), (byte)'\n']
            : Enumerable.Repeat((byte)' ', filler).ToArray();
        description = $"boundary:{position}->{target}{(inside ? " (inside)" : "")}";
        var result = (byte[])[.. data.AsSpan(0, at), .. bytes, .. data.AsSpan(at)];
        return result.Length <= ByteMutations.MaxBytes ? result : data;
    }

    private static int Interesting(byte[] data, FuzzRandom random)
    {
        if (data.Length == 0)
            return 0;
        if (random.Chance(30))
        {
            var wide = Enumerable.Range(0, data.Length).Where(i => data[i] >= 0x80).ToList();
            if (wide.Count > 0)
                return random.Pick(wide);
        }
        var marker = random.Pick(Markers);
        var found = new List<int>();
        for (var at = data.AsSpan().IndexOf(marker); at >= 0 && found.Count < 1000; at = Next(data, marker, at + 1))
            found.Add(at);
        return found.Count > 0 ? random.Pick(found) : random.Next(data.Length);
    }

    private static int Next(byte[] data, byte[] marker, int from)
    {
        var at = data.AsSpan(from).IndexOf(marker);
        return at < 0 ? -1 : from + at;
    }
}
