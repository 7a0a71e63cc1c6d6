using System.Globalization;
using System.Text;

namespace PackGuard.Dependencies.Online;

/// <summary>
/// PEP 440's notion of "the same version", for matching a pinned version with the release keys of
/// PyPI's JSON API: <c>1.0</c> is <c>1.0.0</c>, <c>2.0.0-Beta1</c> is <c>2.0.0b1</c>, <c>v1.01</c> is
/// <c>1.1</c>. Versions that are not PEP 440 are compared as lower-case text.
/// </summary>
internal static class PyPIVersionKey
{
    private static readonly (string Spelling, string Canonical)[] Labels =
    [
        ("alpha", "a"), ("beta", "b"), ("preview", "rc"), ("pre", "rc"), ("rc", "rc"), ("c", "rc"),
        ("a", "a"), ("b", "b"), ("post", ".post"), ("rev", ".post"), ("r", ".post"), ("dev", ".dev"),
    ];

    public static string Of(string version)
    {
        var text = version.Trim().ToLowerInvariant();
        if (text.StartsWith('v'))
            text = text[1..];
        var epochEnd = text.IndexOf('!', StringComparison.Ordinal);
        var epoch = epochEnd > 0 ? text[..(epochEnd + 1)] : "";
        text = text[(epochEnd + 1)..];

        var releaseEnd = 0;
        while (releaseEnd < text.Length && (char.IsAsciiDigit(text[releaseEnd]) || (text[releaseEnd] == '.' && releaseEnd + 1 < text.Length && char.IsAsciiDigit(text[releaseEnd + 1]))))
            releaseEnd++;
        if (releaseEnd == 0)
            return version.Trim().ToLowerInvariant();

        var parts = text[..releaseEnd].Split('.').Select(p => p.TrimStart('0') is { Length: > 0 } digits ? digits : "0").ToList();
        while (parts.Count > 1 && parts[^1] == "0")
            parts.RemoveAt(parts.Count - 1);
        var key = new StringBuilder(epoch == "0!" ? "" : epoch).AppendJoin('.', parts);
        return AppendSuffix(key, text[releaseEnd..]) ? key.ToString() : version.Trim().ToLowerInvariant();
    }

    /// <summary>Appends the pre-, post- and dev-release parts in canonical spelling; false when the rest is not PEP 440.</summary>
    private static bool AppendSuffix(StringBuilder key, string rest)
    {
        var i = 0;
        while (i < rest.Length)
        {
            if (rest[i] == '+')
            {
                // A local version label stays as written, separators unified.
                key.Append('+').Append(rest[(i + 1)..].Replace('-', '.').Replace('_', '.'));
                return true;
            }
            // "1.0-1" is an implicit post-release.
            var implicitPost = rest[i] == '-' && i + 1 < rest.Length && char.IsAsciiDigit(rest[i + 1]);
            if (rest[i] is '.' or '-' or '_' && !implicitPost)
            {
                i++;
                continue;
            }
            var label = implicitPost ? (Spelling: "-", Canonical: ".post") : Labels.FirstOrDefault(l => string.CompareOrdinal(rest, i, l.Spelling, 0, l.Spelling.Length) == 0);
            if (label.Spelling is null)
                return false;
            i += label.Spelling.Length;
            while (i < rest.Length && rest[i] is '.' or '-' or '_')
                i++;
            var start = i;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]))
                i++;
            var number = start == i ? 0 : int.TryParse(rest.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            if (number < 0)
                return false;
            key.Append(label.Canonical).Append(number.ToString(CultureInfo.InvariantCulture));
        }
        return true;
    }
}
