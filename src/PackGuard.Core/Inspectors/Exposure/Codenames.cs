namespace PackGuard.Inspectors.Exposure;

/// <summary>
/// Word boundaries for codenames, aware of how code spells words: a codename is found on its own
/// (<c>Tengu</c>), in snake, kebab and screaming case (<c>tengu_flag</c>, <c>tengu-api</c>,
/// <c>TENGU_KEY</c>), and as a camel-case word (<c>useTengu</c>, <c>tenguClient</c>), but not
/// inside another word (<c>atengu</c>, <c>tengus</c>).
/// </summary>
internal static class Codenames
{
    public static bool OnBoundary(ReadOnlySpan<char> text, int start, int length)
    {
        var end = start + length;
        if (start > 0 && IsWordChar(text[start - 1]) && !(char.IsAsciiLetterLower(text[start - 1]) && char.IsAsciiLetterUpper(text[start])))
            return false;
        if (end < text.Length && IsWordChar(text[end]) && !(char.IsAsciiLetterLower(text[end - 1]) && char.IsAsciiLetterUpper(text[end])))
            return false;
        return true;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);
}
