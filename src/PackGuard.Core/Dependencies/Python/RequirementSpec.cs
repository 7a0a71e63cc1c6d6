namespace PackGuard.Dependencies.Python;

/// <summary>One requirement as PEP 508 and pip write it, split into its parts.</summary>
/// <param name="Name">The project name as written (empty when a bare URL or path names none).</param>
/// <param name="Specifier">The version specifiers (<c>==1.2.3</c>, <c>&gt;=2,&lt;3</c>), or <see langword="null"/>.</param>
/// <param name="Url">The direct reference (<c>name @ url</c>, a bare URL or path), or <see langword="null"/>.</param>
internal sealed record RequirementSpec(string Name, string? Specifier, string? Url)
{
    /// <summary>The version an <c>==</c> or <c>===</c> specifier pins exactly (no wildcard), or <see langword="null"/>.</summary>
    public string? PinnedVersion
    {
        get
        {
            if (Specifier is null || Specifier.Contains(',', StringComparison.Ordinal))
                return null;
            var text = Specifier.Trim();
            var version = text.StartsWith("===", StringComparison.Ordinal) ? text[3..] : text.StartsWith("==", StringComparison.Ordinal) ? text[2..] : null;
            version = version?.Trim();
            return string.IsNullOrEmpty(version) || version.Contains('*', StringComparison.Ordinal) ? null : version;
        }
    }

    /// <summary>
    /// Parses <c>name[extras] specifiers ; markers</c>, <c>name[extras] @ url ; markers</c>, or a
    /// bare URL or path (named by <c>#egg=</c> or the archive's file name). <see langword="null"/>
    /// when the text is none of these.
    /// </summary>
    public static RequirementSpec? Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
            return null;
        if (LooksLikeUrlOrPath(text))
        {
            var url = WithoutMarkers(text, url: true);
            var (name, version) = NameFromUrl(url);
            return new RequirementSpec(name ?? "", version is null ? null : "==" + version, url);
        }
        var position = 0;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '.' or '_' or '-'))
            position++;
        if (position == 0)
            return null;
        var projectName = text[..position];
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == '[')
        {
            var close = text.IndexOf(']', position);
            if (close < 0)
                return null;
            position = close + 1;
            SkipSpaces(text, ref position);
        }
        var rest = text[position..];
        if (rest.StartsWith('@'))
        {
            var url = WithoutMarkers(rest[1..].Trim(), url: true);
            return url.Length == 0 ? null : new RequirementSpec(projectName, null, url);
        }
        var specifier = WithoutMarkers(rest, url: false).Trim();
        if (specifier.StartsWith('(') && specifier.EndsWith(')'))
            specifier = specifier[1..^1].Trim();
        if (specifier.Length > 0 && !IsSpecifierList(specifier))
            return null;
        return new RequirementSpec(projectName, specifier.Length == 0 ? null : specifier.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal), null);
    }

    /// <summary>Whether <paramref name="text"/> is a PEP 440 specifier list: <c>op version</c> clauses joined by commas, spaces only around them.</summary>
    private static bool IsSpecifierList(string text)
    {
        foreach (var raw in text.Split(','))
        {
            var trimmed = raw.Trim();
            var opEnd = 0;
            while (opEnd < trimmed.Length && trimmed[opEnd] is '=' or '!' or '<' or '>' or '~')
                opEnd++;
            var clause = trimmed[..opEnd] + trimmed[opEnd..].TrimStart();
            var op = clause.StartsWith("===", StringComparison.Ordinal) ? 3
                : clause.Length >= 2 && clause[1] == '=' && clause[0] is '=' or '!' or '<' or '>' or '~' ? 2
                : clause.Length >= 1 && clause[0] is '<' or '>' ? 1
                : 0;
            if (op == 0 || clause.Length == op)
                return false;
            foreach (var c in clause.AsSpan(op))
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '*' or '+' or '!' or '-' or '_'))
                    return false;
            }
        }
        return true;
    }

    private static bool LooksLikeUrlOrPath(string text) =>
        text.Contains("://", StringComparison.Ordinal) && text.IndexOf("://", StringComparison.Ordinal) < FirstSpaceOrAt(text)
        || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith('.') || text.StartsWith('/') || text.StartsWith('~')
        || (text.Length > 2 && text[1] == ':' && text[2] is '\\' or '/');

    private static int FirstSpaceOrAt(string text)
    {
        var space = text.IndexOfAny([' ', '@', ';']);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        // user@host in a URL comes after the scheme; an "@" before it is PEP 508's "name @ url".
        return space < 0 || (text[space] == '@' && space > scheme) ? int.MaxValue : space;
    }

    /// <summary>The text before its environment markers: <c>;</c> (after a space, for a URL, since URLs may hold semicolons).</summary>
    private static string WithoutMarkers(string text, bool url)
    {
        var marker = url ? text.IndexOf(" ;", StringComparison.Ordinal) : text.IndexOf(';');
        return (marker < 0 ? text : text[..marker]).Trim();
    }

    /// <summary>The project a URL or path names: <c>#egg=name</c>, or the wheel's or sdist's file name.</summary>
    internal static (string? Name, string? Version) NameFromUrl(string url)
    {
        var egg = url.IndexOf("#egg=", StringComparison.Ordinal);
        if (egg < 0)
            egg = url.IndexOf("&egg=", StringComparison.Ordinal);
        if (egg >= 0)
        {
            var value = url[(egg + 5)..];
            var end = value.IndexOfAny(['&', '#']);
            value = end < 0 ? value : value[..end];
            // "name-1.0" carries a version; a dash before a non-digit is part of the name.
            var dash = value.LastIndexOf('-');
            return dash > 0 && dash + 1 < value.Length && char.IsAsciiDigit(value[dash + 1]) ? (value[..dash], value[(dash + 1)..]) : (value, null);
        }
        var path = url;
        var cut = path.IndexOfAny(['#', '?']);
        if (cut >= 0)
            path = path[..cut];
        var file = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        if (file.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            var parts = file.Split('-');
            return parts.Length >= 5 ? (parts[0], parts[1]) : (null, null);
        }
        foreach (var extension in (string[])[".tar.gz", ".tar.bz2", ".tar.xz", ".zip", ".tgz"])
        {
            if (!file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                continue;
            var stem = file[..^extension.Length];
            var dash = stem.LastIndexOf('-');
            return dash > 0 && dash + 1 < stem.Length && char.IsAsciiDigit(stem[dash + 1]) ? (stem[..dash], stem[(dash + 1)..]) : (null, null);
        }
        return (null, null);
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
            position++;
    }
}
