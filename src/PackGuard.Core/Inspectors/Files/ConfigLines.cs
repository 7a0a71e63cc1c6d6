namespace PackGuard.Inspectors.Files;

/// <summary>
/// Reads the assignments of the line-oriented formats credentials live in: <c>.env</c> and
/// <c>.npmrc</c> (<c>key=value</c>), YAML and Yarn (<c>key: value</c>), Yarn 1 and INI variants
/// (<c>key value</c>). Good enough to find which keys have values; not a parser of any one format.
/// </summary>
internal static class ConfigLines
{
    /// <summary>Every <c>(key, value)</c> pair, values unquoted and trimmed.</summary>
    public static IEnumerable<(string Key, string Value)> Assignments(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimStart('-').Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[' or '<')
                continue;
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line[7..].TrimStart();
            if (Split(line) is { } pair)
                yield return pair;
        }
    }

    private static (string Key, string Value)? Split(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0 && line.EndsWith(':'))
            colon = line.Length - 1;
        int at;
        int width;
        if (equals > 0 && (colon < 0 || equals < colon || line[..equals].Contains("//", StringComparison.Ordinal)))
            (at, width) = (equals, 1);
        else if (colon > 0)
            (at, width) = (colon, 1);
        else
        {
            var space = line.IndexOfAny([' ', '\t']);
            if (space <= 0)
                return null;
            (at, width) = (space, 1);
        }
        var key = line[..at].Trim().Trim('"', '\'');
        var value = Unquote(line[(at + width)..].Trim());
        return key.Length == 0 ? null : (key, value);
    }

    /// <summary>Strips matching quotes, or an unquoted value's trailing <c> # comment</c>.</summary>
    internal static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
            return value[1..^1];
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? value[..comment].TrimEnd() : value;
    }
}
