namespace PackGuard.Dependencies.Audit;

/// <summary>
/// The lockfiles and manifests of one <c>packguard deps</c> target: the file itself, or every
/// supported file found in a directory (<see cref="LockfileReader.Find"/>). Paths in findings are
/// relative to the directory (for a file, its name), so fingerprints do not depend on where
/// PackGuard was run from.
/// </summary>
public static class ProjectFiles
{
    /// <summary>Reads the files of <paramref name="path"/>.</summary>
    /// <param name="path">A lockfile or manifest, or a directory holding them.</param>
    /// <returns>The files read and their total size in bytes. Empty when a directory holds none.</returns>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="NotSupportedException">A file PackGuard does not know how to read (the message lists what it reads).</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file may not be read.</exception>
    public static (IReadOnlyList<Lockfile> Files, long Size) Read(string path)
    {
        if (Directory.Exists(path))
        {
            var root = Path.GetFullPath(path);
            var files = new List<Lockfile>();
            long size = 0;
            foreach (var file in LockfileReader.Find(root))
            {
                size += new FileInfo(file).Length;
                files.Add(LockfileReader.Read(file, Path.GetRelativePath(root, file).Replace('\\', '/')));
            }
            return (files, size);
        }
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} does not exist", path);
        // A renamed lockfile given by hand (old.package-lock.json, prod.yarn.lock) is read by its content.
        var read = LockfileReader.Read(path, Path.GetFileName(path));
        if (read.Format == LockfileFormats.Unknown)
            throw new NotSupportedException($"not a lockfile or manifest PackGuard reads ({Supported})");
        return ([read], new FileInfo(path).Length);
    }

    /// <summary>The names PackGuard reads, for messages.</summary>
    public const string Supported = "package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, packages.lock.json, *.csproj, "
        + "Directory.Packages.props, packages.config, requirements*.txt, poetry.lock, uv.lock";
}
