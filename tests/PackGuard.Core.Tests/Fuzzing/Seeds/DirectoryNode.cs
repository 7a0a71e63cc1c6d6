namespace PackGuard.Tests.Fuzzing.Seeds;

/// <summary>A file or symbolic link of a directory target, by its path relative to the root (with <c>/</c>).</summary>
public sealed record DirectoryItem(string Path, FuzzNode? Content, string? SymlinkTarget = null);

/// <summary>
/// A directory target. It has no bytes of its own: <see cref="Materialize"/> writes it to disk.
/// </summary>
public sealed record DirectoryNode(IReadOnlyList<DirectoryItem> Items) : FuzzNode
{
    /// <inheritdoc />
    public override FuzzShape Shape => FuzzShape.Directory;

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

    /// <summary>A directory has no single byte stream; the fuzzer never asks for one.</summary>
    public override byte[] Render() => throw new InvalidOperationException("A directory is materialized, not rendered.");

    /// <summary>Writes the files and links under <paramref name="root"/>, which must exist.</summary>
    public void Materialize(string root)
    {
        var fullRoot = System.IO.Path.GetFullPath(root) + System.IO.Path.DirectorySeparatorChar;
        // Files first, then links, and never through a link: the fuzzer itself must not write outside its sandbox.
        foreach (var item in Items.OrderBy(i => i.SymlinkTarget is not null))
        {
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(fullRoot, item.Path));
            if (!path.StartsWith(fullRoot, StringComparison.Ordinal) || PassesThroughLink(fullRoot, path))
                continue;
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                if (File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null)
                    continue; // a duplicate name: the first one stays
                if (item.SymlinkTarget is not null)
                    File.CreateSymbolicLink(path, item.SymlinkTarget);
                else
                    File.WriteAllBytes(path, item.Content?.Render() ?? []);
            }
            catch (IOException)
            {
                // A file where a directory must be (a and a/b): that item cannot exist; skip it.
            }
        }
    }

    private static bool PassesThroughLink(string fullRoot, string path)
    {
        for (var parent = System.IO.Path.GetDirectoryName(path); parent is not null && parent.Length > fullRoot.Length; parent = System.IO.Path.GetDirectoryName(parent))
        {
            if (new DirectoryInfo(parent).LinkTarget is not null)
                return true;
        }
        return false;
    }
}
