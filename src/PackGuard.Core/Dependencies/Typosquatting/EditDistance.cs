namespace PackGuard.Dependencies.Typosquatting;

/// <summary>
/// Optimal string alignment distance (Damerau-Levenshtein where a swap of two neighbours counts as
/// one edit and no substring is edited twice), cut off early once it exceeds a bound.
/// </summary>
internal static class EditDistance
{
    /// <summary>The distance, or <paramref name="bound"/> + 1 when it is larger than <paramref name="bound"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
            return bound + 1;
        // Strip the common prefix and suffix: typos touch a few characters of long names.
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        var suffix = 0;
        while (suffix < a.Length && suffix < b.Length && a[^(suffix + 1)] == b[^(suffix + 1)])
            suffix++;
        a = a[..^suffix];
        b = b[..^suffix];
        if (a.Length == 0 || b.Length == 0)
            return Math.Max(a.Length, b.Length) <= bound ? Math.Max(a.Length, b.Length) : bound + 1;

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 1024 ? stackalloc int[width * 3] : new int[width * 3];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            if (rowMinimum > bound)
                return bound + 1;
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        var distance = previous[width - 1];
        return distance <= bound ? distance : bound + 1;
    }

    /// <summary>True when <paramref name="a"/> is <paramref name="b"/> with exactly two neighbouring characters swapped.</summary>
    public static bool IsTransposition(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length || a.Length < 2)
            return false;
        var i = a.CommonPrefixLength(b);
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
    }
}
