using System.Buffers;
using System.Buffers.Text;

namespace PackGuard.Inspectors.Secrets.Engine;

/// <summary>
/// Base64 text that may hide a credential: a config blob, a Kubernetes secret, a
/// <c>Basic</c> header. Decoded only when it decodes to mostly printable text, so fonts, images
/// and hashes are not rescanned.
/// </summary>
internal static class Base64Blob
{
    /// <summary>Shortest blob worth decoding.</summary>
    public const int MinimumLength = 32;

    /// <summary>Largest blob decoded; larger ones are assets, not configuration.</summary>
    public const int MaximumLength = 64 * 1024;

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_");

    private static readonly SearchValues<char> HexAndPunctuation =
        SearchValues.Create("0123456789abcdefABCDEF+/=-_");

    /// <summary>Whether the token looks like base64 rather than an identifier, a path or hex.</summary>
    public static bool IsCandidate(ReadOnlySpan<char> token) =>
        token.Length is >= MinimumLength and <= MaximumLength &&
        !token.ContainsAnyExcept(Base64Chars) &&
        token.ContainsAnyInRange('A', 'Z') && token.ContainsAnyInRange('a', 'z') && token.ContainsAnyInRange('0', '9') &&
        token.ContainsAnyExcept(HexAndPunctuation);

    /// <summary>
    /// Decodes standard or URL-safe base64 (padding optional) and returns the text when at least
    /// 90% of it is printable ASCII or whitespace.
    /// </summary>
    public static string? DecodeText(ReadOnlySpan<char> token)
    {
        var trimmed = token.TrimEnd('=');
        var length = trimmed.Length;
        if (length % 4 == 1)
            return null;
        var padded = ArrayPool<byte>.Shared.Rent(length + 3);
        var decoded = ArrayPool<byte>.Shared.Rent((length * 3 / 4) + 3);
        try
        {
            for (var i = 0; i < length; i++)
            {
                padded[i] = trimmed[i] switch { '-' => (byte)'+', '_' => (byte)'/', var c => (byte)c };
            }
            var total = length;
            while (total % 4 != 0)
                padded[total++] = (byte)'=';
            if (Base64.DecodeFromUtf8(padded.AsSpan(0, total), decoded, out _, out var written) != OperationStatus.Done || written == 0)
                return null;
            var bytes = decoded.AsSpan(0, written);
            var printable = 0;
            foreach (var b in bytes)
            {
                if (b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t')
                    printable++;
            }
            return printable * 10 >= bytes.Length * 9 ? System.Text.Encoding.Latin1.GetString(bytes) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(padded);
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }
}
