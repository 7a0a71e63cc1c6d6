using System.Text;

namespace PackGuard.Tests.Fuzzing.Seeds;

/// <summary>How a tar names what does not fit its 100-byte name field.</summary>
public enum TarFlavor
{
    /// <summary>Old v7: no magic; long names are cut.</summary>
    V7,

    /// <summary>POSIX ustar: long names split into prefix and name.</summary>
    Ustar,

    /// <summary>POSIX pax: long or non-ASCII names in an extended header.</summary>
    Pax,

    /// <summary>GNU: long names in <c>././@LongLink</c> entries.</summary>
    Gnu,
}

/// <summary>One tar entry: a file when <paramref name="Content"/> is set, otherwise a link or directory.</summary>
/// <param name="Name">The entry name.</param>
/// <param name="Content">The file's content.</param>
/// <param name="Type">The typeflag byte (<c>'0'</c> file, <c>'2'</c> symlink, <c>'5'</c> directory, ...).</param>
/// <param name="LinkName">The link target.</param>
public sealed record TarItem(string Name, FuzzNode? Content, byte Type = (byte)'0', string? LinkName = null)
{
    /// <summary>A regular file.</summary>
    public static TarItem File(string name, FuzzNode content) => new(name, content);

    /// <summary>A symbolic link.</summary>
    public static TarItem Symlink(string name, string target) => new(name, null, (byte)'2', target);

    /// <summary>A directory.</summary>
    public static TarItem Directory(string name) => new(name, null, (byte)'5');
}

/// <summary>
/// A tar archive, written by <see cref="TarBuilder"/> rather than <c>TarWriter</c>, whose pax
/// headers carry the process id and the current time: a fuzz input must be the same bytes on
/// every run.
/// </summary>
public sealed record TarNode(IReadOnlyList<TarItem> Items, TarFlavor Flavor = TarFlavor.Ustar) : FuzzNode
{
    /// <inheritdoc />
    public override FuzzShape Shape => FuzzShape.Tar;

    /// <inheritdoc />
    public override IReadOnlyList<FuzzNode> Children => [.. Items.Where(i => i.Content is not null).Select(i => i.Content!)];

    /// <inheritdoc />
    public override FuzzNode WithChild(int index, FuzzNode child)
    {
        var items = Items.ToList();
        var position = items.Select((item, i) => (item, i)).Where(p => p.item.Content is not null).ElementAt(index).i;
        items[position] = items[position] with { Content = child };
        return this with { Items = items };
    }

    /// <inheritdoc />
    public override byte[] Render()
    {
        var builder = new TarBuilder(Flavor);
        foreach (var item in Items)
            builder.Add(item.Name, item.Type, item.LinkName, item.Content?.Render() ?? []);
        return builder.Finish();
    }
}

/// <summary>Writes tar archives byte by byte, with fixed owners and times.</summary>
public sealed class TarBuilder(TarFlavor flavor)
{
    /// <summary>The size of a tar block.</summary>
    public const int Block = 512;

    /// <summary>2026-03-30, the day of the incident; any fixed time would do.</summary>
    private const long FixedTime = 1_774_828_800;

    private readonly MemoryStream _output = new();

    /// <summary>Appends an entry, with the extended or long-name headers its names need.</summary>
    public void Add(string name, byte type, string? linkName, byte[] data)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var linkBytes = Encoding.UTF8.GetBytes(linkName ?? "");
        var headerName = nameBytes;
        var prefix = Array.Empty<byte>();
        var needsLong = nameBytes.Length > 100 || linkBytes.Length > 100;
        switch (flavor)
        {
            case TarFlavor.Pax when needsLong || nameBytes.Any(b => b >= 0x80):
                var records = new StringBuilder();
                records.Append(Record("path", name));
                if (linkName is not null)
                    records.Append(Record("linkpath", linkName));
                var pax = Encoding.UTF8.GetBytes(records.ToString());
                WriteEntry(Truncate(Encoding.ASCII.GetBytes("PaxHeaders/" + Path.GetFileName(name)), 100), (byte)'x', [], pax, []);
                headerName = Truncate(nameBytes, 100);
                break;
            case TarFlavor.Gnu when needsLong:
                if (linkBytes.Length > 100)
                    WriteEntry("././@LongLink"u8.ToArray(), (byte)'K', [], [.. linkBytes, 0], []);
                if (nameBytes.Length > 100)
                    WriteEntry("././@LongLink"u8.ToArray(), (byte)'L', [], [.. nameBytes, 0], []);
                headerName = Truncate(nameBytes, 100);
                break;
            case TarFlavor.Ustar when nameBytes.Length > 100:
                var split = Array.LastIndexOf(nameBytes, (byte)'/', Math.Min(nameBytes.Length - 1, 155));
                if (split > 0 && nameBytes.Length - split - 1 <= 100)
                {
                    prefix = nameBytes[..split];
                    headerName = nameBytes[(split + 1)..];
                }
                else
                    headerName = Truncate(nameBytes, 100);
                break;
            default:
                headerName = Truncate(nameBytes, 100);
                break;
        }
        WriteEntry(headerName, type, Truncate(linkBytes, 100), data, prefix);
    }

    /// <summary>Appends the two zero blocks that end an archive and returns the archive.</summary>
    public byte[] Finish()
    {
        _output.Write(new byte[2 * Block]);
        return _output.ToArray();
    }

    /// <summary>Computes and stores a header's checksum (the field counts as spaces while summing).</summary>
    public static void WriteChecksum(Span<byte> header)
    {
        var sum = 0;
        for (var i = 0; i < Block; i++)
            sum += i is >= 148 and < 156 ? ' ' : header[i];
        var digits = Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0'));
        digits.AsSpan(Math.Max(0, digits.Length - 6)).CopyTo(header[148..]);
        header[154] = 0;
        header[155] = (byte)' ';
    }

    /// <summary>Writes <paramref name="value"/> as NUL-terminated octal filling <paramref name="field"/>.</summary>
    public static void WriteOctal(Span<byte> field, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(field.Length - 1, '0');
        Encoding.ASCII.GetBytes(digits.AsSpan(Math.Max(0, digits.Length - (field.Length - 1))), field);
        field[^1] = 0;
    }

    private void WriteEntry(byte[] name, byte type, byte[] linkName, byte[] data, byte[] prefix)
    {
        var header = new byte[Block];
        name.CopyTo(header, 0);
        var directory = type == (byte)'5';
        WriteOctal(header.AsSpan(100, 8), directory ? 0x1ED : 0x1A4);
        WriteOctal(header.AsSpan(108, 8), 0);
        WriteOctal(header.AsSpan(116, 8), 0);
        WriteOctal(header.AsSpan(124, 12), data.Length);
        WriteOctal(header.AsSpan(136, 12), FixedTime);
        header[156] = type;
        linkName.CopyTo(header, 157);
        if (flavor == TarFlavor.Gnu)
            "ustar  \0"u8.CopyTo(header.AsSpan(257));
        else if (flavor != TarFlavor.V7)
        {
            "ustar\0"u8.CopyTo(header.AsSpan(257));
            "00"u8.CopyTo(header.AsSpan(263));
        }
        if (flavor != TarFlavor.V7)
        {
            "root"u8.CopyTo(header.AsSpan(265));
            "root"u8.CopyTo(header.AsSpan(297));
            WriteOctal(header.AsSpan(329, 8), 0);
            WriteOctal(header.AsSpan(337, 8), 0);
            prefix.AsSpan(0, Math.Min(prefix.Length, 155)).CopyTo(header.AsSpan(345));
        }
        WriteChecksum(header);
        _output.Write(header);
        _output.Write(data);
        _output.Write(new byte[(Block - (data.Length % Block)) % Block]);
    }

    /// <summary>A pax record: its length in decimal counts itself.</summary>
    private static string Record(string key, string value)
    {
        var body = $" {key}={value}\n";
        var bodyLength = Encoding.UTF8.GetByteCount(body);
        var length = bodyLength + 1;
        while (length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + bodyLength != length)
            length++;
        return length.ToString(System.Globalization.CultureInfo.InvariantCulture) + body;
    }

    private static byte[] Truncate(byte[] bytes, int length) => bytes.Length <= length ? bytes : bytes[..length];
}
