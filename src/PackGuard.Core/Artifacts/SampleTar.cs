using System.Text;
using PackGuard.Rules;

namespace PackGuard.Artifacts;

/// <summary>
/// Writes small ustar archives for rule samples that hold a nested archive. An archive of ASCII
/// files is all ASCII and NUL characters, so it can be a text sample (<see cref="Archive"/>); one
/// that holds a binary file is itself a binary sample (<see cref="File"/>).
/// </summary>
internal static class SampleTar
{
    private const int Block = 512;

    /// <summary>A complete ustar archive of the given ASCII files, as text.</summary>
    public static string Archive(params (string Path, string Content)[] files)
    {
        foreach (var (_, content) in files)
        {
            if (!Ascii.IsValid(content))
                throw new ArgumentException("Sample tar content is ASCII, so that characters are bytes.", nameof(files));
        }
        return Encoding.Latin1.GetString(Bytes(files.Select(f => (f.Path, Encoding.ASCII.GetBytes(f.Content)))));
    }

    /// <summary>A binary sample file at <paramref name="path"/>: a ustar archive of the given sample files, text or binary.</summary>
    public static SampleFile File(string path, params SampleFile[] files) =>
        SampleFile.Binary(path, Bytes(files.Select(f => (f.Path, f.Bytes))));

    /// <summary>An archive whose only entry declares more content than follows it.</summary>
    public static string Truncated(string path, string content) =>
        Encoding.Latin1.GetString(Header(path, content.Length + 4096)) + content;

    private static byte[] Bytes(IEnumerable<(string Path, byte[] Content)> files)
    {
        using var tar = new MemoryStream();
        foreach (var (path, content) in files)
        {
            tar.Write(Header(path, content.Length));
            tar.Write(content);
            tar.Write(new byte[Padding(content.Length)]);
        }
        tar.Write(new byte[2 * Block]);
        return tar.ToArray();
    }

    private static byte[] Header(string path, int size)
    {
        if (!Ascii.IsValid(path) || path.Length > 99)
            throw new ArgumentException("Sample tar paths are short ASCII names.", nameof(path));
        var header = new byte[Block];
        Put(header, 0, path);
        Put(header, 100, "0000644");
        Put(header, 108, "0000000");
        Put(header, 116, "0000000");
        Put(header, 124, Convert.ToString(size, 8).PadLeft(11, '0'));
        Put(header, 136, "00000000000");
        Put(header, 148, "        ");
        header[156] = (byte)'0';
        Put(header, 257, "ustar");
        Put(header, 263, "00");
        var sum = 0;
        foreach (var b in header)
            sum += b;
        Put(header, 148, Convert.ToString(sum, 8).PadLeft(6, '0'));
        header[154] = 0;
        header[155] = (byte)' ';
        return header;
    }

    private static void Put(byte[] header, int offset, string value) => Encoding.ASCII.GetBytes(value, header.AsSpan(offset));

    private static int Padding(int length) => (Block - (length % Block)) % Block;
}
