namespace PackGuard.Fix.Text;

/// <summary>
/// Edits to a JSON text in the style it is written in: a new member or item goes on its own line
/// with the indentation of its siblings when they are on lines of their own, inline with the
/// siblings' spacing when they are not.
/// </summary>
internal static class JsonEdits
{
    /// <summary>
    /// Adds the member <paramref name="key"/> with a string array value after the member
    /// <paramref name="after"/> (or as the last member when it is <see langword="null"/>).
    /// </summary>
    public static TextEdit InsertArrayMember(string text, JsonSpan obj, JsonMemberSpan? after, string key, IReadOnlyList<string> values)
    {
        var newline = TextLines.NewlineOf(text);
        var members = obj.Members!;
        var indent = members.Count > 0 ? TextEdit.IndentAt(text, members[0].KeyStart) : null;
        var anchor = after ?? (members.Count > 0 ? members[^1] : null);
        if (anchor is null)
        {
            // An empty object: {} becomes a one-member object on lines of its own.
            var unit = "  ";
            return new TextEdit(obj.Start, obj.End,
                "{" + newline + unit + JsonSpans.Quote(key) + ": " + ArrayText(values, unit, unit + unit, newline) + newline + "}");
        }
        if (indent is null)
            return TextEdit.Insert(anchor.Value.End, ", " + JsonSpans.Quote(key) + ": " + InlineArray(values, ", "));
        var itemIndent = indent + IndentUnit(text, obj, indent);
        return TextEdit.Insert(anchor.Value.End, "," + newline + indent + JsonSpans.Quote(key) + ": " + ArrayText(values, indent, itemIndent, newline));
    }

    /// <summary>Appends string items to an array, after its last item, in the array's style.</summary>
    public static TextEdit AppendItems(string text, JsonSpan array, IReadOnlyList<string> values)
    {
        var items = array.Items!;
        if (items.Count == 0)
            return new TextEdit(array.Start, array.End, InlineArray(values, ", "));
        var last = items[^1];
        var indent = TextEdit.IndentAt(text, last.Start);
        if (indent is null)
        {
            // Keep the separator the array already uses between items (", " or ",").
            var separator = items.Count > 1 ? SeparatorBetween(text, items[^2], items[^1]) : ", ";
            return TextEdit.Insert(last.End, string.Concat(values.Select(v => separator + JsonSpans.Quote(v))));
        }
        var newline = TextLines.NewlineOf(text);
        return TextEdit.Insert(last.End, string.Concat(values.Select(v => "," + newline + indent + JsonSpans.Quote(v))));
    }

    /// <summary>Removes the item at <paramref name="index"/> with its separator (and its line, when it has one of its own).</summary>
    public static TextEdit RemoveItem(JsonSpan array, int index)
    {
        var items = array.Items!;
        var item = items[index];
        if (index + 1 < items.Count)
            return new TextEdit(item.Start, items[index + 1].Start, "");
        if (index > 0)
            return new TextEdit(items[index - 1].End, item.End, "");
        return new TextEdit(array.Start + 1, array.End - 1, "");
    }

    private static string SeparatorBetween(string text, JsonSpan a, JsonSpan b)
    {
        var between = text[a.End..b.Start];
        return between.Contains('\n') ? ", " : between;
    }

    private static string ArrayText(IReadOnlyList<string> values, string indent, string itemIndent, string newline) =>
        "[" + newline + string.Join("," + newline, values.Select(v => itemIndent + JsonSpans.Quote(v))) + newline + indent + "]";

    private static string InlineArray(IReadOnlyList<string> values, string separator) =>
        "[" + string.Join(separator, values.Select(JsonSpans.Quote)) + "]";

    /// <summary>One level of indentation: the member indentation itself for a top-level object (npm writes two spaces, some four, some a tab).</summary>
    private static string IndentUnit(string text, JsonSpan obj, string memberIndent)
    {
        var objectIndent = TextEdit.IndentAt(text, obj.Start) ?? "";
        return memberIndent.Length > objectIndent.Length && memberIndent.StartsWith(objectIndent, StringComparison.Ordinal)
            ? memberIndent[objectIndent.Length..]
            : "  ";
    }
}
