namespace PackGuard.Cli.Reports;

/// <summary>Greedy word wrapping for plain text; a word longer than the width gets a line of its own.</summary>
internal static class WordWrap
{
    /// <summary>Wraps <paramref name="text"/> to <paramref name="width"/> columns; the first line has <paramref name="firstLineWidth"/>.</summary>
    public static IReadOnlyList<string> Lines(string text, int width, int? firstLineWidth = null)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        var limit = firstLineWidth ?? width;
        foreach (var paragraph in text.Split('\n'))
        {
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > limit)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    limit = width;
                }
                if (line.Length > 0)
                    line.Append(' ');
                line.Append(word);
            }
            lines.Add(line.ToString());
            line.Clear();
            limit = width;
        }
        return lines;
    }
}
