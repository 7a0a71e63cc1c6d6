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
        var parser = new Parser(Tokenize(text));
        var open = parser.ParseOr();
        // A malformed expression proves nothing: treat it as not open source.
        return open && parser.AtEnd && !parser.Failed;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _position;

        public bool Failed { get; private set; }

        public bool AtEnd => _position == tokens.Count;

        public bool ParseOr()
        {
            var value = ParseAnd();
            while (Accept("OR"))
                value |= ParseAnd();
            return value;
        }

        private bool ParseAnd()
        {
            var value = ParseTerm();
            while (Accept("AND"))
                value &= ParseTerm();
            return value;
        }

        private bool ParseTerm()
        {
            if (AtEnd || tokens[_position] == ")")
            {
                Failed = true;
                return false;
            }
            var token = tokens[_position++];
            bool value;
            if (token == "(")
            {
                value = ParseOr();
                if (!Accept(")"))
                    Failed = true;
            }
            else
            {
                value = OpenSourceLicenses.Identifiers.Contains(token) ||
                        (token.EndsWith('+') && OpenSourceLicenses.Identifiers.Contains(token[..^1]));
            }
            // "Apache-2.0 WITH LLVM-exception": an exception only adds permissions.
            if (Accept("WITH"))
            {
                if (AtEnd)
                    Failed = true;
                else
                    _position++;
            }
            return value;
        }

        private bool Accept(string keyword)
        {
            if (AtEnd || !tokens[_position].Equals(keyword, StringComparison.OrdinalIgnoreCase))
                return false;
            _position++;
            return true;
        }
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
