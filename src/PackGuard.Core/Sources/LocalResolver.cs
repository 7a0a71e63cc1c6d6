namespace PackGuard.Sources;

/// <summary>Resolves local targets: checks that the file or directory exists and can be read.</summary>
internal static class LocalResolver
{
    public static ResolvedTarget Resolve(TargetSpec spec, SourceEnvironment environment)
    {
        string path;
        try
        {
            path = environment.FullPath(spec.Name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new TargetUnavailableException($"Cannot read {spec.Name}: {ex.Message}", ex);
        }

        try
        {
            if (File.Exists(path))
            {
                // Opening proves readability now, rather than failing halfway through a scan.
                using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1))
                {
                }
                return new ResolvedTarget(spec, path, IsDirectory: false);
            }
            if (Directory.Exists(path))
            {
                using (var entries = Directory.EnumerateFileSystemEntries(path).GetEnumerator())
                    entries.MoveNext();
                return new ResolvedTarget(spec, path, IsDirectory: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TargetUnavailableException($"Cannot read {spec.Name}: {ex.Message}", ex);
        }
        throw new TargetUnavailableException($"No such file or directory: {spec.Name}");
    }
}
