using System.Text;

namespace PackGuard.Inspectors.Install.Behaviour;

/// <summary>
/// The short, one-line quotation a finding shows: the line around a match, cut to a bounded width,
/// with control and bidirectional-override characters escaped so a hostile script cannot rewrite
/// the reviewer's terminal or hide text.
/// </summary>
internal static class Excerpt
{
    public const int Before = 60;
    public const int After = 80;

    /// <summary>The excerpt around <c>text[at..(at + length)]</c>.</summary>
    public static string Around(ReadOnlySpan<char> text, int at, int length)
    {
        var start = Math.Max(0, at - Before);
        var newline = text[start..at].LastIndexOfAny('\n', '\r');
        if (newline >= 0)
            start += newline + 1;
        var end = Math.Min(text.Length, at + length + After);
        var rest = text[at..end].IndexOfAny('\n', '\r');
        if (rest >= 0)
            end = at + rest;
        var slice = text[start..end];
        var cut = start > 0 && text[start - 1] is not ('\n' or '\r');
        slice = slice.Trim();
        var builder = new StringBuilder(slice.Length + 8);
        if (cut)
            builder.Append('…');
        Escape(builder, slice);
        if (end < text.Length && text[end] is not ('\n' or '\r'))
            builder.Append('…');
        return builder.ToString();
    }

    /// <summary><paramref name="text"/> on one line, escaped and cut to <paramref name="max"/> characters.</summary>
    public static string Line(string text, int max = Before + After)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max) + 8);
        Escape(builder, text.AsSpan(0, Math.Min(text.Length, max)));
        if (text.Length > max)
            builder.Append('…');
        return builder.ToString();
    }

    private static void Escape(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\uFEFF')
                builder.Append(c == '\t' ? "\\t" : $"\\u{(int)c:X4}");
            else
                builder.Append(c);
        }
    }
}
