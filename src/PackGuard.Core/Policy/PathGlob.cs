using System.Text;
using System.Text.RegularExpressions;
using PackGuard.Inspectors;

namespace PackGuard.Policy;

/// <summary>
/// A glob over finding location paths (<c>excludes</c>, a suppression's <c>path</c>): <c>**</c>
/// any run of characters across folders, <c>*</c> any run within one folder name, <c>?</c> one
/// character within a folder name. Both <c>/</c> and <c>!</c> (the step into a nested archive)
/// end a folder name. A pattern that starts with <c>/</c> is matched from the start of the path;
/// any other may also match from a folder boundary, as in <c>.gitignore</c>, so that
/// <c>dist/**</c> matches <c>package/dist/cli.js.map</c>.
/// </summary>
public sealed class PathGlob
{
    /// <summary>Longest pattern accepted; a policy file is written by people.</summary>
    public const int MaxLength = 512;

    private readonly Regex _regex;

    private PathGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Whether <paramref name="path"/> matches.</summary>
    public bool IsMatch(string path) => _regex.IsMatch(path);

    /// <summary>What is wrong with <paramref name="pattern"/>, or null when it is a usable glob.</summary>
    public static string? Problem(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            return "is empty";
        if (pattern.Length > MaxLength)
            return $"is longer than {MaxLength} characters";
        if (pattern.Contains('\\', StringComparison.Ordinal))
            return "contains a backslash; paths in reports use /";
        if (pattern.Any(char.IsControl))
            return "contains a control character";
        return null;
    }

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern has a <see cref="Problem"/>.</exception>
    public static PathGlob Create(string pattern)
    {
        if (Problem(pattern) is { } problem)
            throw new ArgumentException($"\"{pattern}\" {problem}", nameof(pattern));
        var anchored = pattern.StartsWith('/');
        var body = anchored ? pattern[1..] : pattern;
        var regex = new StringBuilder(anchored ? "^" : "^(?:.*[/!])?");
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                i++;
                // "**/" also matches no folder at all: "**/x.map" matches "x.map".
                if (i + 1 < body.Length && body[i + 1] == '/')
                {
                    i++;
                    regex.Append("(?:.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/!]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/!]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        regex.Append('$');
        return new PathGlob(pattern, RegexSafety.Create(regex.ToString()));
    }

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
