namespace PackGuard.Artifacts.Walking;

/// <summary>
/// Walks a directory as if it were an archive: every file is an entry named by its path relative
/// to the root with <c>/</c> separators, in ordinal order so that runs on any machine agree.
/// Symbolic links are reported, never followed. Archives among the files are opened as nested
/// archives, directly from disk.
/// </summary>
internal static class DirectoryTree
{
    private const int ZipBufferSize = 64 * 1024;

    public static void Walk(WalkContext context, string root)
    {
        var rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        foreach (var (relative, info) in Collect(rootPath))
        {
            if (context.Stopped)
                return;
            context.CancellationToken.ThrowIfCancellationRequested();
            if (info.LinkTarget is { } target)
            {
                var link = new ArtifactEntry(relative, EntryKind.SymbolicLink, null, target, 0);
                if (!context.Admit(link, relative, checkLink: false))
                    return;
                if (!IsInside(rootPath, Path.GetFullPath(target, Path.GetDirectoryName(info.FullName)!)))
                    context.Report(ArchiveFindings.UnsafeLink(relative, target));
                context.Visitor.OnEntry(link, ReadOnlySpan<byte>.Empty);
                continue;
            }
            var length = ((FileInfo)info).Length;
            var entry = new ArtifactEntry(relative, EntryKind.File, length, null, 0)
            {
                Executable = !OperatingSystem.IsWindows() && (info.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0,
            };
            if (!context.Admit(entry, relative))
                return;
            if (length == 0)
            {
                // Never opened: FIFOs and devices report a length of 0, and opening a FIFO blocks.
                context.Visitor.OnEntry(entry, ReadOnlySpan<byte>.Empty)?.Complete(truncated: false);
                continue;
            }
            // Unbuffered for content, which the walker reads in large chunks; buffered for a zip,
            // whose reader asks for a few bytes at a time while it seeks through headers.
            using var stream = Open(info.FullName, relative, bufferSize: 0, FileOptions.SequentialScan);
            EntryReader.ReadFile(context, entry, stream, SkipMode.Abandon,
                reopen: () => Open(info.FullName, relative, ZipBufferSize, FileOptions.RandomAccess));
        }
    }

    private static List<(string Relative, FileSystemInfo Info)> Collect(string rootPath)
    {
        var found = new List<(string, FileSystemInfo)>();
        var pending = new Stack<(DirectoryInfo Directory, string Relative)>();
        pending.Push((new DirectoryInfo(rootPath), ""));
        while (pending.TryPop(out var current))
        {
            try
            {
                foreach (var info in current.Directory.EnumerateFileSystemInfos())
                {
                    var relative = current.Relative.Length == 0 ? info.Name : current.Relative + "/" + info.Name;
                    if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is not null)
                        found.Add((relative, info));
                    else if (info is DirectoryInfo directory)
                        pending.Push((directory, relative));
                    else
                        found.Add((relative, info));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                throw ArchiveDamageException.From(e, 0, current.Relative.Length == 0 ? null : current.Relative);
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return found;
    }

    private static FileStream Open(string path, string relative, int bufferSize, FileOptions options)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }
        catch (Exception e) when (ArchiveDamageException.IsDamage(e))
        {
            throw ArchiveDamageException.From(e, 0, relative);
        }
    }

    private static bool IsInside(string rootPath, string fullPath) =>
        fullPath.Length > rootPath.Length
            ? fullPath.StartsWith(rootPath, StringComparison.Ordinal) && fullPath[rootPath.Length] == Path.DirectorySeparatorChar
            : fullPath == rootPath;
}
