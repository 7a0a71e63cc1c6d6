using PackGuard.Dependencies.Text;

namespace PackGuard.Dependencies;

/// <summary>One file being read: where it is, how it is shown, and what has been found so far.</summary>
internal sealed class ReadContext
{
    public ReadContext(string fullPath, string displayPath, LockfileLimits limits)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        Directory = Path.GetDirectoryName(fullPath) ?? ".";
        Builder = new LockfileBuilder(displayPath, limits);
    }

    public string FullPath { get; }

    public string DisplayPath { get; }

    /// <summary>The directory the file is in.</summary>
    public string Directory { get; }

    public LockfileBuilder Builder { get; }

    public LockfileLimits Limits => Builder.Limits;

    /// <summary>How a file at <paramref name="fullPath"/> is shown, relative to the same place as <see cref="DisplayPath"/>.</summary>
    public string DisplayOf(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');
        var slash = DisplayPath.Replace('\\', '/').LastIndexOf('/');
        var combined = slash < 0 ? relative : DisplayPath.Replace('\\', '/')[..(slash + 1)] + relative;
        return Lexical(combined);
    }

    /// <summary>
    /// The text of a configuration file beside the lockfile (package.json, .npmrc, pyproject.toml),
    /// or <see langword="null"/> when there is none or it cannot be read (a problem says which).
    /// </summary>
    public string? Neighbour(string fileName) => ReadOptional(Path.Combine(Directory, fileName));

    /// <summary>The text of the file at <paramref name="fullPath"/>, or <see langword="null"/> when it does not exist or cannot be read.</summary>
    public string? ReadOptional(string fullPath)
    {
        try
        {
            if (!File.Exists(fullPath))
                return null;
            var bytes = FileText.ReadBytes(fullPath, Builder, DisplayOf(fullPath));
            return bytes is null ? null : FileText.Decode(bytes, Builder, DisplayOf(fullPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Builder.Problem($"could not be read: {e.Message}", file: DisplayOf(fullPath));
            return null;
        }
    }

    /// <summary>The files named <paramref name="fileName"/> (any case) in the lockfile's directory and those above it, nearest first.</summary>
    public IEnumerable<string> Upward(string fileName, bool anyCase = false)
    {
        var directory = new DirectoryInfo(Directory);
        for (var level = 0; directory is not null && level <= Limits.MaxParentDirectories; level++, directory = directory.Parent)
        {
            string? found = null;
            try
            {
                if (anyCase)
                {
                    found = directory.EnumerateFiles()
                        .FirstOrDefault(f => string.Equals(f.Name, fileName, StringComparison.OrdinalIgnoreCase))?.FullName;
                }
                else if (File.Exists(Path.Combine(directory.FullName, fileName)))
                    found = Path.Combine(directory.FullName, fileName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
            }
            if (found is not null)
                yield return found;
        }
    }

    /// <summary>Resolves <c>.</c> and <c>..</c> segments of a <c>/</c>-separated path without touching the disk.</summary>
    private static string Lexical(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                parts.RemoveAt(parts.Count - 1);
            else if (part == ".." && rooted)
                continue;
            else
                parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }
}
