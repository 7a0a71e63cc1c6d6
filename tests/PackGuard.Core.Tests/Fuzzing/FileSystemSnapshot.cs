namespace PackGuard.Tests.Fuzzing;

/// <summary>
/// What a directory holds (paths, sizes, write times), listed without following links, so that a
/// link to <c>/</c> in a fuzzed directory target is one entry, not the whole disk.
/// </summary>
public sealed class FileSystemSnapshot
{
    private readonly Dictionary<string, string> _entries;

    private FileSystemSnapshot(Dictionary<string, string> entries) => _entries = entries;

    /// <summary>Lists <paramref name="root"/>, to <paramref name="depth"/> levels (all by default).</summary>
    public static FileSystemSnapshot Of(string root, int depth = int.MaxValue)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<(DirectoryInfo Directory, int Depth)>();
        if (Directory.Exists(root))
            pending.Push((new DirectoryInfo(root), 1));
        while (pending.TryPop(out var current))
        {
            IEnumerable<FileSystemInfo> children;
            try
            {
                children = current.Directory.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }).ToList();
            }
            catch (IOException)
            {
                continue; // removed while listing: not ours (our own directories are never removed mid-scan)
            }
            foreach (var info in children)
            {
                var relative = Path.GetRelativePath(root, info.FullName);
                string? link;
                try
                {
                    link = info.LinkTarget;
                    entries[relative] = link is not null ? "link:" + link
                        : info is FileInfo file ? $"file:{file.Length}:{file.LastWriteTimeUtc.Ticks}"
                        : "dir";
                }
                catch (IOException)
                {
                    continue; // removed between listing and reading it: another process's temporary file
                }
                if (link is null && info is DirectoryInfo directory && current.Depth < depth)
                    pending.Push((directory, current.Depth + 1));
            }
        }
        return new FileSystemSnapshot(entries);
    }

    /// <summary>What was added, removed or changed since <paramref name="before"/>.</summary>
    public IReadOnlyList<string> ChangesSince(FileSystemSnapshot before)
    {
        var changes = new List<string>();
        foreach (var (path, state) in _entries)
        {
            if (!before._entries.TryGetValue(path, out var old))
                changes.Add("added " + path);
            else if (old != state)
                changes.Add("changed " + path);
        }
        changes.AddRange(before._entries.Keys.Where(p => !_entries.ContainsKey(p)).Select(p => "removed " + p));
        return changes;
    }
}
