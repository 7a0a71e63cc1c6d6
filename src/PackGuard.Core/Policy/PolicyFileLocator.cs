namespace PackGuard.Policy;

/// <summary>
/// Finds the policy file when <c>--config</c> names none: <c>packguard.json</c> in the working
/// directory or the nearest folder above it. The search stops at the filesystem root and, when the
/// working directory is inside the user's home, at the home directory, so that a file in a shared
/// parent folder (<c>/home</c>, <c>/tmp</c>) never quietly governs a user's scans.
/// </summary>
public static class PolicyFileLocator
{
    /// <summary>The file name searched for.</summary>
    public const string FileName = "packguard.json";

    /// <summary>The full path of the nearest policy file, or null when there is none.</summary>
    /// <param name="workingDirectory">Where the search starts.</param>
    /// <param name="homeDirectory">The user's home; the search does not go above it when it started inside it.</param>
    public static string? Find(string workingDirectory, string? homeDirectory)
    {
        var start = Path.GetFullPath(workingDirectory);
        var home = string.IsNullOrEmpty(homeDirectory) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(homeDirectory));
        var ceiling = home is not null && IsWithin(start, home) ? home : null;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate))
                return candidate;
            if (ceiling is not null && PathsEqual(directory.FullName, ceiling))
                break;
        }
        return null;
    }

    private static bool IsWithin(string path, string folder)
    {
        path = Path.TrimEndingDirectorySeparator(path);
        return PathsEqual(path, folder)
            || path.StartsWith(folder + Path.DirectorySeparatorChar, PathComparison);
    }

    private static bool PathsEqual(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), PathComparison);

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
