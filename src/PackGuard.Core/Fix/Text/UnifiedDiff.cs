using System.Globalization;
using System.Text;

namespace PackGuard.Fix.Text;

/// <summary>
/// Writes a git-style unified diff (<c>diff --git a/x b/x</c>, <c>--- a/x</c>, <c>+++ b/x</c>,
/// hunks with three lines of context) that <c>git apply</c> and <c>patch -p1</c> accept. A file
/// that did not exist is diffed from <c>/dev/null</c>.
/// </summary>
internal static class UnifiedDiff
{
    /// <summary>Lines of context around each change, as git uses by default.</summary>
    public const int Context = 3;

    /// <summary>The diff of one file; empty when the texts are equal.</summary>
    /// <param name="path">The file's path relative to the package directory, with forward slashes.</param>
    /// <param name="oldText">The text now; <see langword="null"/> when the file does not exist.</param>
    /// <param name="newText">The text after the change.</param>
    public static string Format(string path, string? oldText, string newText)
    {
        if (oldText == newText)
            return "";
        var (oldLines, oldEndsWithNewline) = TextLines.Split(oldText ?? "");
        var (newLines, newEndsWithNewline) = TextLines.Split(newText);
        // The last line of a file without a final newline differs from the same line with one,
        // so it is compared with a mark that no text line holds.
        var script = LineDiff.Compute(Marked(oldLines, oldEndsWithNewline), Marked(newLines, newEndsWithNewline));

        var output = new StringBuilder();
        output.Append("diff --git a/").Append(path).Append(" b/").Append(path).Append('\n');
        if (oldText is null)
            output.Append("new file mode 100644\n--- /dev/null\n");
        else
            output.Append("--- a/").Append(path).Append('\n');
        output.Append("+++ b/").Append(path).Append('\n');
        foreach (var (start, end) in Hunks(script))
            WriteHunk(output, script, start, end, oldLines, newLines, oldEndsWithNewline, newEndsWithNewline);
        return output.ToString();
    }

    private static IReadOnlyList<string> Marked(IReadOnlyList<string> lines, bool endsWithNewline)
    {
        if (endsWithNewline || lines.Count == 0)
            return lines;
        var marked = lines.ToList();
        marked[^1] += NoNewlineMark;
        return marked;
    }

    private const string NoNewlineMark = "\0\uFFFF";

    /// <summary>Ranges of the script (start inclusive, end exclusive) that form hunks: changes with context, merged when their context touches.</summary>
    private static List<(int Start, int End)> Hunks(IReadOnlyList<DiffLine> script)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < script.Count; i++)
        {
            if (script[i].Kind == DiffLineKind.Keep)
                continue;
            var start = Math.Max(0, i - Context);
            var last = i;
            var j = i + 1;
            while (j < script.Count)
            {
                if (script[j].Kind != DiffLineKind.Keep)
                {
                    last = j;
                    j++;
                    continue;
                }
                // Two changes whose contexts meet or overlap share one hunk.
                if (j - last > 2 * Context)
                    break;
                j++;
            }
            var end = Math.Min(script.Count, last + 1 + Context);
            if (hunks.Count > 0 && hunks[^1].End >= start)
                hunks[^1] = (hunks[^1].Start, end);
            else
                hunks.Add((start, end));
            i = last;
        }
        return hunks;
    }

    private static void WriteHunk(StringBuilder output, IReadOnlyList<DiffLine> script, int start, int end,
        IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, bool oldEndsWithNewline, bool newEndsWithNewline)
    {
        var oldCount = 0;
        var newCount = 0;
        var oldFirst = -1;
        var newFirst = -1;
        for (var i = start; i < end; i++)
        {
            var line = script[i];
            if (line.Kind != DiffLineKind.Add)
            {
                oldCount++;
                if (oldFirst < 0)
                    oldFirst = line.OldIndex;
            }
            if (line.Kind != DiffLineKind.Remove)
            {
                newCount++;
                if (newFirst < 0)
                    newFirst = line.NewIndex;
            }
        }
        // An empty side is numbered by the line before it (0 at the start of the file), as in GNU diff.
        var oldStart = oldCount == 0 ? LineBefore(script, start, old: true) : oldFirst + 1;
        var newStart = newCount == 0 ? LineBefore(script, start, old: false) : newFirst + 1;
        output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var line = script[i];
            var (marker, text, isLast, endsWithNewline) = line.Kind switch
            {
                DiffLineKind.Keep => (' ', oldLines[line.OldIndex], line.OldIndex == oldLines.Count - 1, oldEndsWithNewline),
                DiffLineKind.Remove => ('-', oldLines[line.OldIndex], line.OldIndex == oldLines.Count - 1, oldEndsWithNewline),
                _ => ('+', newLines[line.NewIndex], line.NewIndex == newLines.Count - 1, newEndsWithNewline),
            };
            output.Append(marker).Append(text).Append('\n');
            if (isLast && !endsWithNewline)
                output.Append("\\ No newline at end of file\n");
        }
    }

    private static int LineBefore(IReadOnlyList<DiffLine> script, int start, bool old)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var index = old ? script[i].OldIndex : script[i].NewIndex;
            if (index >= 0)
                return index + 1;
        }
        return 0;
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : $"{start.ToString(CultureInfo.InvariantCulture)},{count.ToString(CultureInfo.InvariantCulture)}";
}
