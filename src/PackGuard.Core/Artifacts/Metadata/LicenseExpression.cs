namespace PackGuard.Artifacts.Metadata;

/// <summary>
/// Evaluates declared licences: SPDX expressions (<c>(MIT OR Apache-2.0)</c>, <c>A AND B</c>,
/// <c>X WITH exception</c>), common non-SPDX spellings, licence URLs, and PyPI trove classifiers.
/// A choice is open source when any alternative is; a conjunction when every part is.
/// </summary>
public static class LicenseExpression
{
    /// <summary>Whether the declared licence is plainly open source.</summary>
    public static bool IsOpenSource(string declared)
    {
        var text = declared.Trim();
        if (text.Length == 0 || text.StartsWith("SEE LICENSE", StringComparison.OrdinalIgnoreCase) ||
            text.Equals("UNLICENSED", StringComparison.OrdinalIgnoreCase))
            return false;
        if (text.Contains("OSI Approved", StringComparison.OrdinalIgnoreCase))
            return true;
        if (OpenSourceLicenses.Aliases.TryGetValue(text, out var alias))
            return OpenSourceLicenses.Identifiers.Contains(alias);
        if (text.Contains("://", StringComparison.Ordinal))
            return OpenSourceLicenses.FromUrl(text) is { } id && IsOpenSource(id);
        var tokens = Tokenize(text);
        var position = 0;
        var result = ParseOr(tokens, ref position);
        return result && position == tokens.Count;
    }

    private static bool ParseOr(List<string> tokens, ref int position)
    {
        var value = ParseAnd(tokens, ref position);
        while (position < tokens.Count && tokens[position].Equals("OR", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            value |= ParseAnd(tokens, ref position);
        }
        return value;
    }

    private static bool ParseAnd(List<string> tokens, ref int position)
    {
        var value = ParseTerm(tokens, ref position);
        while (position < tokens.Count && tokens[position].Equals("AND", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            value &= ParseTerm(tokens, ref position);
        }
        return value;
    }

    private static bool ParseTerm(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
            return false;
        var token = tokens[position++];
        bool value;
        if (token == "(")
        {
            value = ParseOr(tokens, ref position);
            if (position < tokens.Count && tokens[position] == ")")
                position++;
        }
        else
        {
            value = OpenSourceLicenses.Identifiers.Contains(token) ||
                    (token.EndsWith('+') && OpenSourceLicenses.Identifiers.Contains(token[..^1]));
        }
        // "Apache-2.0 WITH LLVM-exception": an exception only adds permissions.
        if (position + 1 < tokens.Count && tokens[position].Equals("WITH", StringComparison.OrdinalIgnoreCase))
            position += 2;
        return value;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (c is '(' or ')' || char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                    tokens.Add(current.ToString());
                current.Clear();
                if (c is '(' or ')')
                    tokens.Add(c.ToString());
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
            tokens.Add(current.ToString());
        return tokens;
    }
}
