using System.Text;

namespace PackGuard.Reports;

/// <summary>
/// Turns an entry path (<c>package/lib/legacy tools.jar!com/Größe.txt</c>) into the relative URI
/// reference SARIF's <c>artifactLocation.uri</c> must be (RFC 3986): characters a path may hold
/// as they are stay readable, everything else is percent-encoded as UTF-8.
/// </summary>
internal static class SarifUri
{
    /// <summary>Encodes <paramref name="path"/> as a relative-path URI reference.</summary>
    /// <remarks>
    /// <para><c>/</c> and <c>!</c> (PackGuard's nested-archive separator) are kept.</para>
    /// <para><c>:</c> is always encoded: in a first segment it would turn the path into a URI
    /// scheme (<c>C:</c>, <c>webpack:</c>).</para>
    /// <para>A leading <c>/</c> is encoded too, so that an absolute entry name in a hostile
    /// archive cannot become a path from the consumer's root, or with <c>//</c> a host name.</para>
    /// <para>A backslash is encoded, not turned into <c>/</c>: the URI must name the entry as the
    /// archive does.</para>
    /// </remarks>
    public static string FromEntryPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var uri = new StringBuilder(path.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        // Enumerating runes replaces a lone surrogate by U+FFFD, which still encodes validly.
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.IsAscii && IsKept((char)rune.Value, atStart: uri.Length == 0))
            {
                uri.Append((char)rune.Value);
                continue;
            }
            var count = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..count])
                uri.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return uri.ToString();
    }

    // RFC 3986 pchar without ':' (see above), plus '/' between segments.
    private static bool IsKept(char c, bool atStart) =>
        char.IsAsciiLetterOrDigit(c)
        || c is '-' or '.' or '_' or '~'
        || c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '='
        || c is '@'
        || (c == '/' && !atStart);
}
