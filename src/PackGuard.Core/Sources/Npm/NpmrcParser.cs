using System.Text;
using System.Text.Json;

namespace PackGuard.Sources.Npm;

/// <summary>
/// Reads <c>.npmrc</c> files the way npm does: ini lines <c>key=value</c>, <c>;</c> and <c>#</c>
/// comments (also after an unquoted value), single- or double-quoted values, and
/// <c>${VAR}</c> / <c>${VAR?}</c> expansion in keys and values after unquoting.
/// </summary>
internal static class NpmrcParser
{
    public static IReadOnlyDictionary<string, string> Parse(string text, Func<string, string?> getVariable)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is ';' or '#')
                continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                // npm reads sections as nested objects that no setting uses.
                inSection = true;
                continue;
            }
            if (inSection)
                continue;

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = Expand(Unquote(eq < 0 ? line : line[..eq].Trim()), getVariable);
            var value = Expand(eq < 0 ? "true" : Unquote(line[(eq + 1)..].Trim()), getVariable);
            if (key.Length == 0 || key.EndsWith("[]", StringComparison.Ordinal))
                continue;
            values[key] = value;
        }
        return values;
    }

    /// <summary>
    /// npm's environment expansion: <c>${NAME}</c> becomes the variable's value; an unset
    /// variable stays literal, or becomes empty with <c>${NAME?}</c>. An odd run of backslashes
    /// before <c>$</c> escapes the expansion; backslashes in such runs are halved.
    /// </summary>
    public static string Expand(string text, Func<string, string?> getVariable)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
            return text;
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && text[i] == '\\')
                i++;
            var escapes = i - start;
            if (TryReadReference(text, i, out var name, out var optional, out var end))
            {
                if (escapes % 2 == 1)
                {
                    result.Append('\\', (escapes - 1) / 2).Append(text, i, end - i);
                }
                else
                {
                    result.Append('\\', escapes / 2);
                    result.Append(getVariable(name) ?? (optional ? "" : text[i..end]));
                }
                i = end;
            }
            else if (escapes > 0)
            {
                result.Append('\\', escapes);
            }
            else
            {
                result.Append(text[i]);
                i++;
            }
        }
        return result.ToString();
    }

    private static bool TryReadReference(string text, int at, out string name, out bool optional, out int end)
    {
        name = "";
        optional = false;
        end = at;
        if (at + 1 >= text.Length || text[at] != '$' || text[at + 1] != '{')
            return false;
        var close = text.IndexOf('}', at + 2);
        if (close < 0)
            return false;
        var inner = text[(at + 2)..close];
        optional = inner.EndsWith('?');
        name = optional ? inner[..^1] : inner;
        end = close + 1;
        return name.Length > 0 && name.IndexOfAny(['$', '{', '}', '?']) < 0;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(value) ?? "";
            }
            catch (JsonException)
            {
                return value[1..^1];
            }
        }
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            return value[1..^1];
        return StripInlineComment(value);
    }

    private static string StripInlineComment(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && value[i + 1] is ';' or '#' or '\\')
            {
                result.Append(value[++i]);
                continue;
            }
            if (c is ';' or '#')
                break;
            result.Append(c);
        }
        return result.ToString().Trim();
    }
}
