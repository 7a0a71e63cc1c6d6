using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace PackGuard.Reports;

/// <summary>
/// The escaping policy of PackGuard's JSON and SARIF output. Reports are read by people as much as
/// by programs, so letters in any script, emoji and <c>&lt; &gt; &amp;</c> stay as they are (the
/// files are never embedded in HTML by us; an HTML writer must escape for itself). What JSON
/// requires is escaped, and so is everything a reader cannot see: control characters, line and
/// paragraph separators and format characters. Entry names come from the artifact, that is from
/// whoever built it, and a bidirectional override (U+202E) or an invisible tag character in a
/// path could make a report show something other than what it says ("Trojan Source").
/// </summary>
/// <remarks>
/// The built-in <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> is close but writes
/// bidirectional overrides raw and escapes every character outside the Basic Multilingual Plane.
/// </remarks>
internal sealed class ReportJsonEncoder : JavaScriptEncoder
{
    private ReportJsonEncoder()
    {
    }

    /// <summary>The single instance; the encoder has no state.</summary>
    public static ReportJsonEncoder Instance { get; } = new();

    /// <inheritdoc />
    public override int MaxOutputCharactersPerInputCharacter => 6; // \uXXXX per UTF-16 code unit

    /// <inheritdoc />
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        FindFirstCharacterToEncode(new ReadOnlySpan<char>(text, textLength));

    /// <inheritdoc />
    public override unsafe bool TryEncodeUnicodeScalar(
        int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        TryEncode(unicodeScalar, new Span<char>(buffer, bufferLength), out numberOfCharactersWritten);

    /// <inheritdoc />
    public override bool WillEncode(int unicodeScalar) => MustEscape(unicodeScalar);

    /// <summary>Index of the first character to escape, or -1. A lone surrogate counts as one.</summary>
    internal static int FindFirstCharacterToEncode(ReadOnlySpan<char> text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed) != OperationStatus.Done
                || MustEscape(rune.Value))
                return index;
            index += consumed;
        }
        return -1;
    }

    /// <summary>Writes <paramref name="scalar"/>, escaped when the policy says so.</summary>
    internal static bool TryEncode(int scalar, Span<char> destination, out int written)
    {
        if (!Rune.IsValid(scalar))
        {
            written = 0;
            return false;
        }
        if (!MustEscape(scalar))
            return new Rune(scalar).TryEncodeToUtf16(destination, out written);

        var shortForm = scalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => null,
        };
        if (shortForm is not null)
            return TryCopy(shortForm, destination, out written);

        Span<char> units = stackalloc char[2];
        var count = new Rune(scalar).EncodeToUtf16(units);
        written = 0;
        for (var i = 0; i < count; i++)
        {
            if (!TryCopy($"\\u{(int)units[i]:X4}", destination[written..], out var n))
            {
                written = 0;
                return false;
            }
            written += n;
        }
        return true;
    }

    private static bool MustEscape(int scalar)
    {
        if (scalar is '"' or '\\')
            return true;
        if (!Rune.IsValid(scalar))
            return true;
        return Rune.GetUnicodeCategory(new Rune(scalar)) is UnicodeCategory.Control
            or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator;
    }

    private static bool TryCopy(string text, Span<char> destination, out int written)
    {
        written = text.TryCopyTo(destination) ? text.Length : 0;
        return written > 0;
    }
}
