namespace PackGuard.Fix.Text;

/// <summary>
/// A text file's lines as git sees them: split after each <c>\n</c>, a <c>\r</c> before it kept
/// as part of the line, so that a diff of a CRLF file carries its CRLFs and applies to it.
/// </summary>
internal static class TextLines
{
    /// <summary>The lines of <paramref name="text"/> without their <c>\n</c>; whether the last one had one.</summary>
    public static (IReadOnlyList<string> Lines, bool EndsWithNewline) Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add(text[start..]);
                return (lines, false);
            }
            lines.Add(text[start..end]);
            start = end + 1;
        }
        return (lines, true);
    }

    /// <summary>The line break the file mostly uses: <c>\r\n</c> when most of its breaks are CRLF, else <c>\n</c>.</summary>
    public static string NewlineOf(string text)
    {
        var lf = 0;
        var crlf = 0;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            if (i > 0 && text[i - 1] == '\r')
                crlf++;
            else
                lf++;
        }
        return crlf > lf ? "\r\n" : "\n";
    }
}
