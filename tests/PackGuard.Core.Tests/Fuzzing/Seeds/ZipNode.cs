using System.IO.Compression;
using System.Text;

namespace PackGuard.Tests.Fuzzing.Seeds;

/// <summary>One zip entry: a file, a Unix symbolic link (its target is the content) or a directory (a name ending in <c>/</c>).</summary>
/// <param name="Name">The entry name.</param>
/// <param name="Content">The file's content; <see langword="null"/> for a directory or link.</param>
/// <param name="Stored">Whether the entry is stored rather than deflated.</param>
/// <param name="LinkTarget">Makes the entry a symbolic link to this target.</param>
public sealed record ZipItem(string Name, FuzzNode? Content, bool Stored = false, string? LinkTarget = null)
{
    /// <summary>A deflated file.</summary>
    public static ZipItem File(string name, FuzzNode content) => new(name, content);
}

/// <summary>A zip-family archive (.zip, .nupkg, .whl, .jar), written by <see cref="ZipArchive"/> with fixed times.</summary>
public sealed record ZipNode(IReadOnlyList<ZipItem> Items) : FuzzNode
{
    private static readonly DateTimeOffset FixedTime = new(2026, 3, 30, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override FuzzShape Shape => FuzzShape.Zip;

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
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            foreach (var item in Items)
            {
                // A zip name field holds at most 65,535 bytes; ZipArchive refuses longer ones.
                var name = Encoding.UTF8.GetByteCount(item.Name) <= ushort.MaxValue ? item.Name : item.Name[..(ushort.MaxValue / 4)];
                var entry = zip.CreateEntry(name, item.Stored ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                entry.LastWriteTime = FixedTime;
                using var stream = entry.Open();
                if (item.LinkTarget is not null)
                {
                    // Unix symlink: S_IFLNK in the high 16 bits of the external attributes, target as content.
                    entry.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
                    stream.Write(Encoding.UTF8.GetBytes(item.LinkTarget));
                }
                else if (item.Content is not null)
                    stream.Write(item.Content.Render());
            }
        }
        return buffer.ToArray();
    }
}
