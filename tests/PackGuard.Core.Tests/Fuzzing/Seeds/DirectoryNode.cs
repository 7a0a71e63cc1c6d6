using System.Runtime.InteropServices;

namespace PackGuard.Tests.Fuzzing.Seeds;

/// <summary>
/// A file, symbolic link or named pipe (<paramref name="Fifo"/>: opening one blocks until a writer
/// comes) of a directory target, by its path relative to the root (with <c>/</c>).
/// </summary>
public sealed record DirectoryItem(string Path, FuzzNode? Content, string? SymlinkTarget = null, bool Fifo = false);

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
                else if (item.Fifo)
                    MakeFifo(path);
                else
                    File.WriteAllBytes(path, item.Content?.Render() ?? []);
            }
            catch (IOException)
            {
                // A file where a directory must be (a and a/b): that item cannot exist; skip it.
            }
        }
    }

    private static void MakeFifo(string path)
    {
        if (!OperatingSystem.IsWindows() && Native.mkfifo(path, 0x1A4) != 0)
            throw new IOException($"mkfifo {path} failed: error {Marshal.GetLastPInvokeError()}");
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

/// <summary>The one libc call .NET has no API for (DllImport: LibraryImport would need unsafe code in the tests).</summary>
internal static class Native
{
#pragma warning disable SYSLIB1054, CA2101 // a plain string marshals as UTF-8 on Unix, where this runs
    [DllImport("libc", SetLastError = true)]
    internal static extern int mkfifo(string path, uint mode);
#pragma warning restore SYSLIB1054, CA2101
}
