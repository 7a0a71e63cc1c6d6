namespace PackGuard.Fix.Text;

/// <summary>One line of an edit script: kept, removed from the old text, or added in the new one.</summary>
/// <param name="Kind">What happens to the line.</param>
/// <param name="OldIndex">Index of the line in the old text (kept and removed lines), otherwise -1.</param>
/// <param name="NewIndex">Index of the line in the new text (kept and added lines), otherwise -1.</param>
internal readonly record struct DiffLine(DiffLineKind Kind, int OldIndex, int NewIndex);

/// <summary>Whether a line is kept, removed or added.</summary>
internal enum DiffLineKind
{
    Keep,
    Remove,
    Add,
}

/// <summary>
/// The shortest edit script between two lists of lines: Myers' O(ND) algorithm ("An O(ND)
/// Difference Algorithm and Its Variations", 1986). Build files are small and the edits few, so
/// the plain forward search with one saved frontier per step is enough; D stays tiny.
/// </summary>
internal static class LineDiff
{
    /// <summary>The edit script turning <paramref name="oldLines"/> into <paramref name="newLines"/>, in order.</summary>
    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        // A common prefix and suffix never need the search; they are most of a build file.
        var prefix = 0;
        while (prefix < oldLines.Count && prefix < newLines.Count && oldLines[prefix] == newLines[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < oldLines.Count - prefix && suffix < newLines.Count - prefix
               && oldLines[oldLines.Count - 1 - suffix] == newLines[newLines.Count - 1 - suffix])
            suffix++;

        var script = new List<DiffLine>(oldLines.Count + newLines.Count);
        for (var i = 0; i < prefix; i++)
            script.Add(new DiffLine(DiffLineKind.Keep, i, i));
        Middle(oldLines, newLines, prefix, oldLines.Count - suffix, prefix, newLines.Count - suffix, script);
        for (var i = suffix; i > 0; i--)
            script.Add(new DiffLine(DiffLineKind.Keep, oldLines.Count - i, newLines.Count - i));
        return script;
    }

    private static void Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int aStart, int aEnd, int bStart, int bEnd, List<DiffLine> script)
    {
        var n = aEnd - aStart;
        var m = bEnd - bStart;
        var max = n + m;
        if (max == 0)
            return;
        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= max && !found; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }

        // Walk the saved frontiers back from the end to recover the path, then emit it forwards.
        var steps = new List<DiffLine>();
        var cx = n;
        var cy = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var frontier = trace[d];
            var k = cx - cy;
            int previousK;
            if (d == 0)
                previousK = k;
            else if (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
                previousK = k + 1;
            else
                previousK = k - 1;
            var previousX = d == 0 ? 0 : frontier[offset + previousK];
            var previousY = previousX - previousK;
            while (cx > previousX && cy > previousY)
            {
                cx--;
                cy--;
                steps.Add(new DiffLine(DiffLineKind.Keep, aStart + cx, bStart + cy));
            }
            if (d > 0)
            {
                if (cx == previousX)
                    steps.Add(new DiffLine(DiffLineKind.Add, -1, bStart + previousY));
                else
                    steps.Add(new DiffLine(DiffLineKind.Remove, aStart + previousX, -1));
            }
            cx = previousX;
            cy = previousY;
        }
        steps.Reverse();
        script.AddRange(steps);
    }
}
