namespace PackGuard.Dependencies;

/// <summary>
/// Finds the lockfiles and manifests under a directory. It never enters what tools install or
/// build (node_modules, bin, obj, virtual environments, caches) nor follows symbolic links, so
/// that it sees the project's own files once, and it is bounded in depth and in work.
/// </summary>
internal static class LockfileFinder
{
    /// <summary>How many directory levels below the given one are searched.</summary>
    public const int MaxDepth = 8;

    private const int MaxDirectories = 50_000;
    private const int MaxResults = 5_000;

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "node_modules", ".git", ".hg", ".svn", "bin", "obj", ".vs", ".idea",
        ".venv", "venv", ".tox", ".nox", "__pycache__", "site-packages", ".mypy_cache", ".pytest_cache",
        ".yarn", ".pnpm-store", "bower_components", "jspm_packages", ".nuget",
        ".gradle", "target",
    };

    public static IReadOnlyList<string> Find(string directory)
    {
        var found = new List<string>();
        var queue = new Queue<(DirectoryInfo Directory, int Depth)>();
        queue.Enqueue((new DirectoryInfo(directory), 0));
        var visited = 0;
        while (queue.Count > 0 && visited < MaxDirectories && found.Count < MaxResults)
        {
            var (current, depth) = queue.Dequeue();
            visited++;
            FileSystemInfo[] children;
            try
            {
                children = current.GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                continue;
            }
            Array.Sort(children, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var child in children)
            {
                if (child.LinkTarget is not null)
                    continue;
                if (child is DirectoryInfo sub)
                {
                    if (depth < MaxDepth && !Skipped.Contains(sub.Name) && !IsVirtualEnvironment(sub))
                        queue.Enqueue((sub, depth + 1));
                }
                else if (IsSupported(child.FullName) && found.Count < MaxResults)
                    found.Add(child.FullName);
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static bool IsSupported(string path) => LockfileReader.FormatOfPath(path) is not null;

    /// <summary>A Python virtual environment under any name: it has a pyvenv.cfg.</summary>
    private static bool IsVirtualEnvironment(DirectoryInfo directory)
    {
        try
        {
            return File.Exists(Path.Combine(directory.FullName, "pyvenv.cfg"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
