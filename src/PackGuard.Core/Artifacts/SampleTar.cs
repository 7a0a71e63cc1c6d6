using System.Text;

namespace PackGuard.Artifacts;

/// <summary>
/// Writes small ustar archives as text, so that rule samples (whose files are strings) can hold a
/// nested archive: a ustar archive of ASCII files is all ASCII and NUL characters.
/// </summary>
internal static class SampleTar
{
    private const int Block = 512;

    /// <summary>A complete ustar archive of the given ASCII files.</summary>
    public static string Archive(params (string Path, string Content)[] files)
    {
        var text = new StringBuilder();
        foreach (var (path, content) in files)
        {
            if (!Ascii.IsValid(content))
                throw new ArgumentException("Sample tar content is ASCII, so that characters are bytes.", nameof(files));
            text.Append(Header(path, content.Length)).Append(content);
            text.Append('\0', Padding(content.Length));
        }
        return text.Append('\0', 2 * Block).ToString();
    }

    /// <summary>An archive whose only entry declares more content than follows it.</summary>
    public static string Truncated(string path, string content) =>
        Header(path, content.Length + 4096) + content;

    private static string Header(string path, int size)
    {
        if (!Ascii.IsValid(path) || path.Length > 99)
            throw new ArgumentException("Sample tar paths are short ASCII names.", nameof(path));
        var header = new char[Block];
        Put(header, 0, path);
        Put(header, 100, "0000644");
        Put(header, 108, "0000000");
        Put(header, 116, "0000000");
        Put(header, 124, Convert.ToString(size, 8).PadLeft(11, '0'));
        Put(header, 136, "00000000000");
        Put(header, 148, "        ");
        header[156] = '0';
        Put(header, 257, "ustar");
        Put(header, 263, "00");
        var sum = 0;
        foreach (var c in header)
            sum += c;
        Put(header, 148, Convert.ToString(sum, 8).PadLeft(6, '0'));
        header[154] = '\0';
        header[155] = ' ';
        return new string(header);
    }

    private static void Put(char[] header, int offset, string value) => value.CopyTo(0, header, offset, value.Length);

    private static int Padding(int length) => (Block - (length % Block)) % Block;
}
