namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// One PEM block (RFC 7468), with the RFC 1421 headers of legacy encrypted keys: the label from
/// <c>-----BEGIN label-----</c>, the headers, and the decoded body.
/// </summary>
/// <param name="Label">The label, for example <c>RSA PRIVATE KEY</c>.</param>
/// <param name="Headers">Header fields such as <c>Proc-Type</c> and <c>DEK-Info</c>, by name (case-insensitive).</param>
/// <param name="Body">The base64-decoded body.</param>
internal sealed record PemBlock(string Label, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    private const string BeginMarker = "-----BEGIN ";
    private const string Dashes = "-----";

    /// <summary>
    /// Parses the first PEM block in <paramref name="text"/>. Text escaped into a JSON or
    /// environment string (literal <c>\n</c> for line breaks) is accepted, as keys in package
    /// files are often stored that way.
    /// </summary>
    /// <returns>The block, or null with <paramref name="error"/> saying why (null too when there is no BEGIN line at all).</returns>
    public static PemBlock? TryParse(string text, out string? error)
    {
        error = null;
        if (text.Contains("\\n", StringComparison.Ordinal))
        {
            text = text.Replace("\\r", "", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        }

        int begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
        if (begin < 0)
        {
            return null;
        }

        int labelStart = begin + BeginMarker.Length;
        int labelEnd = text.IndexOf(Dashes, labelStart, StringComparison.Ordinal);
        if (labelEnd < 0 || labelEnd - labelStart > 64 || text.AsSpan(labelStart, labelEnd - labelStart).IndexOfAny('\n', '\r') >= 0)
        {
            error = "malformed BEGIN line";
            return null;
        }

        string label = text[labelStart..labelEnd];
        int contentStart = labelEnd + Dashes.Length;
        int end = text.IndexOf("-----END " + label + Dashes, contentStart, StringComparison.Ordinal);
        if (end < 0)
        {
            error = "truncated (no matching END line)";
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = new System.Text.StringBuilder(end - contentStart);
        string? lastHeader = null;
        bool inHeaders = true;
        foreach (string rawLine in text[contentStart..end].Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (inHeaders && lastHeader is not null && line.Length > 0 && line[0] is ' ' or '\t')
            {
                headers[lastHeader] += line.Trim();      // an RFC 1421 continuation line
                continue;
            }

            line = line.Trim();
            int colon = line.IndexOf(':');
            if (inHeaders && colon > 0)
            {
                lastHeader = line[..colon].Trim();
                headers[lastHeader] = line[(colon + 1)..].Trim();
                continue;
            }

            // Base64 has no colons, so the first line without one ends the headers.
            if (line.Length > 0)
            {
                inHeaders = false;
                body.Append(line);
            }
        }

        if (body.Length == 0)
        {
            error = "empty body";
            return null;
        }

        if (!Base64Text.TryDecode(body.ToString(), out byte[] bytes))
        {
            error = "body is not base64";
            return null;
        }

        return new PemBlock(label, headers, bytes);
    }
}
