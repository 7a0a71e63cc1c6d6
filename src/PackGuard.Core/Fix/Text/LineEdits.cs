using System.Text.RegularExpressions;

namespace PackGuard.Fix.Text;

/// <summary>Line-level edits to configuration written as code: the one line a setting is on, matched whole, or nothing.</summary>
internal static class LineEdits
{
    /// <summary>The lines of <paramref name="text"/> that match <paramref name="pattern"/> in full (without the line break), with their offsets.</summary>
    public static List<(int Start, string Line, Match Match)> Matching(string text, Regex pattern)
    {
        var result = new List<(int, string, Match)>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var lineEnd = end < 0 ? text.Length : end;
            var line = text[start..lineEnd].TrimEnd('\r');
            var match = pattern.Match(line);
            if (match.Success && match.Index == 0 && match.Length == line.Length)
                result.Add((start, line, match));
            if (end < 0)
                break;
            start = end + 1;
        }
        return result;
    }

    /// <summary>Replaces the line starting at <paramref name="start"/> (its break kept) with <paramref name="replacement"/>.</summary>
    public static string ReplaceLine(string text, int start, string oldLine, string replacement) =>
        text[..start] + replacement + text[(start + oldLine.Length)..];
}
