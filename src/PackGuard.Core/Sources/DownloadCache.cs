using PackGuard.Sources.Integrity;

namespace PackGuard.Sources;

/// <summary>
/// Downloaded packages, stored by content hash: <c>&lt;root&gt;/&lt;alg&gt;/&lt;2 hex&gt;/&lt;hex&gt;.&lt;ext&gt;</c>.
/// A file appears only once it is complete (written under <c>&lt;root&gt;/tmp</c>, then renamed
/// into place: a rename within one file system is atomic), and a cached file is re-hashed before
/// it is reused, so a truncated or tampered file is never served. Nothing is written outside
/// <see cref="RootPath"/>.
/// </summary>
public sealed class DownloadCache
{
    private const string TempFolder = "tmp";

    /// <summary>A cache rooted at <paramref name="rootPath"/> (created on first write).</summary>
    public DownloadCache(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
    }

    /// <summary>The directory holding the cache.</summary>
    public string RootPath { get; }

    /// <summary>
    /// The cache the environment asks for: <c>PACKGUARD_CACHE_DIR</c>, else
    /// <c>$XDG_CACHE_HOME/packguard</c>, else <c>~/.cache/packguard</c>.
    /// </summary>
    public static DownloadCache FromEnvironment(SourceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Variable("PACKGUARD_CACHE_DIR") is { } explicitRoot)
            return new DownloadCache(environment.FullPath(explicitRoot));
        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        if (environment.Variable("XDG_CACHE_HOME") is { } xdg && Path.IsPathFullyQualified(xdg))
            return new DownloadCache(Path.Combine(xdg, "packguard"));
        return new DownloadCache(Path.Combine(environment.HomeDirectory, ".cache", "packguard"));
    }

    internal string PathFor(ContentHash hash, string extension)
    {
        if (!HashAlgorithms.IsSupported(hash.Algorithm))
            throw new ArgumentException($"Unsupported algorithm '{hash.Algorithm}'.", nameof(hash));
        if (extension.Length == 0 || !extension.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Extension '{extension}' must be letters and digits.", nameof(extension));
        var hex = hash.Hex;
        return Inside(Path.Combine(RootPath, hash.Algorithm, hex[..2], hex + "." + extension));
    }

    /// <summary>
    /// A cached file whose content matches <paramref name="expected"/>, or <see langword="null"/>.
    /// A file that no longer matches its name is deleted so that it is downloaded again.
    /// </summary>
    internal async Task<(string Path, ContentHash Hash)?> FindAsync(IntegrityExpectation expected, string extension, CancellationToken ct)
    {
        foreach (var candidate in expected.Candidates)
        {
            var path = PathFor(candidate, extension);
            if (!File.Exists(path))
                continue;
            var actual = new ContentHash(candidate.Algorithm, await HashAlgorithms.HashFileAsync(candidate.Algorithm, path, ct).ConfigureAwait(false));
            if (actual.Equals(candidate))
                return (path, actual);
            TryDelete(path);
        }
        return null;
    }

    /// <summary>Starts writing a new file; it lands in the cache only when committed.</summary>
    internal CacheWriter BeginWrite()
    {
        var directory = Inside(Path.Combine(RootPath, TempFolder));
        Directory.CreateDirectory(directory);
        return new CacheWriter(this, Path.Combine(directory, Guid.NewGuid().ToString("N") + ".partial"));
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another process may hold it; the next run re-verifies anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string Inside(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(RootPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"Refusing to write outside the cache root: {full}");
        return full;
    }
}
