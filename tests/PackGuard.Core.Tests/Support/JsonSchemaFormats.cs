using System.Globalization;
using System.Text.RegularExpressions;

namespace PackGuard.Tests.Support;

/// <summary>
/// The <c>format</c> checks the SARIF schema needs, after RFC 3986 (URIs) and RFC 3339
/// (date-time). They check syntax, not whether a host exists.
/// </summary>
internal static partial class JsonSchemaFormats
{
    /// <summary>Formats this validator checks; a schema naming another one is refused.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "uri", "uri-reference", "date-time", "date",
    };

    /// <summary>Whether <paramref name="value"/> has the format; null means it does.</summary>
    public static string? Check(string format, string value) => format switch
    {
        "uri" => IsUriReference(value) && Scheme().IsMatch(value) ? null : "is not an absolute URI",
        "uri-reference" => IsUriReference(value) ? null : "is not a URI reference",
        "date-time" => IsDateTime(value) ? null : "is not an RFC 3339 date-time",
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "is not an RFC 3339 full-date",
        _ => throw new NotSupportedException($"Format '{format}' is not supported."),
    };

    private static bool IsUriReference(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                    return false;
                i += 2;
            }
            else if (!IsUriCharacter(c))
            {
                return false;
            }
        }
        if (value.Count(c => c == '#') > 1)
            return false;
        if (Scheme().IsMatch(value))
            return true;
        // A relative reference: a colon in the first segment would make that segment a scheme.
        var firstSegmentEnd = value.IndexOfAny(['/', '?', '#']);
        var firstSegment = firstSegmentEnd < 0 ? value : value[..firstSegmentEnd];
        return !firstSegment.Contains(':', StringComparison.Ordinal);
    }

    private static bool IsUriCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c)
        || "-._~".Contains(c, StringComparison.Ordinal)           // unreserved
        || ":/?#[]@".Contains(c, StringComparison.Ordinal)        // gen-delims
        || "!$&'()*+,;=".Contains(c, StringComparison.Ordinal);   // sub-delims

    private static bool IsDateTime(string value) =>
        DateTime().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateTime();
}
