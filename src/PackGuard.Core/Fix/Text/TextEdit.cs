namespace PackGuard.Fix.Text;

/// <summary>Replaces the characters from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive) with <see cref="Replacement"/>.</summary>
internal readonly record struct TextEdit(int Start, int End, string Replacement)
{
    /// <summary>Inserts <paramref name="text"/> at <paramref name="offset"/>.</summary>
    public static TextEdit Insert(int offset, string text) => new(offset, offset, text);

    /// <summary>Applies non-overlapping edits to <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">Two edits overlap.</exception>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
        var builder = new System.Text.StringBuilder(text.Length + 256);
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Start < position)
                throw new ArgumentException("edits overlap", nameof(edits));
            builder.Append(text, position, edit.Start - position).Append(edit.Replacement);
            position = edit.End;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// The whitespace between the start of the line holding <paramref name="offset"/> and the offset,
    /// or <see langword="null"/> when something else stands before it on that line.
    /// </summary>
    public static string? IndentAt(string text, int offset)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset > 0 && text[offset - 1] == '\n')
            lineStart = offset;
        for (var i = lineStart; i < offset; i++)
        {
            if (text[i] is not (' ' or '\t'))
                return null;
        }
        return text[lineStart..offset];
    }
}
