using System.Text;

namespace PackGuard.Fix;

/// <summary>A build file of the package as read from disk: its text and the bytes it came from.</summary>
/// <param name="Path">Relative path with forward slashes.</param>
/// <param name="Text">The text, decoded as UTF-8 without its byte-order mark.</param>
/// <param name="Bytes">The file's bytes.</param>
internal sealed record ProjectFile(string Path, string Text, byte[] Bytes)
{
    /// <summary>Build files larger than this are not edited (a package.json is kilobytes).</summary>
    public const int MaxBytes = 4 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the file starts with a UTF-8 byte-order mark.</summary>
    public bool ByteOrderMark => Bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);

    /// <summary>Reads <paramref name="relativePath"/> under <paramref name="root"/>; <see langword="null"/> when it does not exist, is too large or is not UTF-8 text.</summary>
    public static ProjectFile? Read(string root, string relativePath)
    {
        var full = System.IO.Path.Combine(root, relativePath);
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists || info.Length > MaxBytes || info.LinkTarget is not null)
                return null;
            var bytes = File.ReadAllBytes(full);
            var body = bytes.AsSpan();
            if (body.StartsWith(Encoding.UTF8.Preamble))
                body = body[Encoding.UTF8.Preamble.Length..];
            return new ProjectFile(relativePath.Replace('\\', '/'), StrictUtf8.GetString(body), bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A change of this file to <paramref name="newText"/>.</summary>
    public FileChange ChangeTo(string newText, string why) =>
        new(Path, Text, newText, why) { OldBytes = Bytes, ByteOrderMark = ByteOrderMark };

    /// <summary>A change that creates <paramref name="relativePath"/>.</summary>
    public static FileChange Create(string relativePath, string text, string why) => new(relativePath, null, text, why);
}
