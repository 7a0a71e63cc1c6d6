using System.Text;
using System.Text.Unicode;

namespace PackGuard.Dependencies.Text;

/// <summary>Reads a lockfile's bytes within the size limit, and its text as UTF-8.</summary>
internal static class FileText
{
    /// <summary>
    /// The file's bytes, or <see langword="null"/> (with a problem) when it is larger than the
    /// limit. Reads no more than the size the file system reports, so a device or a file that
    /// grows while read cannot make the read endless.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static byte[]? ReadBytes(string path, LockfileBuilder builder, string? file = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new FileNotFoundException($"{path} does not exist", path);
        if (info.Length > builder.Limits.MaxFileBytes)
        {
            builder.Problem($"the file is {info.Length} bytes, more than the {builder.Limits.MaxFileBytes} read; it was not read", file: file);
            return null;
        }
        if (info.Length == 0)
            return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var bytes = new byte[info.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = stream.Read(bytes, read, bytes.Length - read);
            if (n == 0)
                break;
            read += n;
        }
        return read == bytes.Length ? bytes : bytes[..read];
    }

    /// <summary>
    /// The bytes as text: a UTF-8 byte order mark is dropped, and bytes that are not UTF-8 become
    /// U+FFFD with one problem, so that the rest of the file is still read.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, LockfileBuilder builder, string? file = null)
    {
        bytes = WithoutBom(bytes);
        if (!Utf8.IsValid(bytes))
            builder.Problem("the file is not valid UTF-8; the invalid bytes were read as U+FFFD", file: file);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The bytes after a UTF-8 byte order mark, if there is one.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
}
