using System.IO.Compression;

namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// The OSV files of an import, one at a time: every <c>*.json</c> below a directory (a checkout
/// of the malicious-packages repository keeps its records under
/// <c>osv/malicious/&lt;ecosystem&gt;/&lt;name&gt;/</c>), every <c>*.json</c> entry of a zip (the OSV
/// bucket's per-ecosystem <c>all.zip</c>), or one JSON file. Nothing is extracted to disk; each
/// file is read into one reused buffer, within <see cref="AdvisoryImportLimits"/>.
/// </summary>
internal sealed class OsvFiles
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { ".git", ".hg", ".svn", "node_modules" };

    private readonly string _path;
    private readonly AdvisoryImportLimits _limits;
    private byte[] _buffer = new byte[64 * 1024];
    private long _totalBytes;
    private int _files;

    private OsvFiles(string path, AdvisoryImportLimits limits)
    {
        _path = path;
        _limits = limits;
    }

    /// <summary>The files of <paramref name="path"/>.</summary>
    /// <exception cref="AdvisorySourceException">The path does not exist, or is neither a directory, a zip nor a JSON file.</exception>
    public static IEnumerable<OsvFile> Read(string path, AdvisoryImportLimits limits, CancellationToken ct)
    {
        var files = new OsvFiles(path, limits);
        if (Directory.Exists(path))
            return files.ReadDirectory(ct);
        if (!File.Exists(path))
            throw new AdvisorySourceException($"{path}: no such file or directory");
        return files.IsZip() ? files.ReadZip(ct) : files.ReadSingle();
    }

    private bool IsZip()
    {
        Span<byte> magic = stackalloc byte[4];
        try
        {
            using var stream = File.OpenRead(_path);
            var read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
            if (read == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] is 3 or 5 && magic[3] is 4 or 6)
                return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AdvisorySourceException($"{_path}: {e.Message}", e);
        }
        if (!_path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new AdvisorySourceException($"{_path}: not a directory, a zip of OSV records or an OSV JSON file");
        return false;
    }

    private IEnumerable<OsvFile> ReadSingle()
    {
        yield return ReadFile(_path, Path.GetFileName(_path));
    }

    private IEnumerable<OsvFile> ReadDirectory(CancellationToken ct)
    {
        var stack = new Stack<(DirectoryInfo Directory, int Depth)>();
        stack.Push((new DirectoryInfo(_path), 0));
        while (stack.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var (directory, depth) = stack.Pop();
            FileSystemInfo[] children;
            string? problem = null;
            try
            {
                children = directory.GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                children = [];
                problem = "unreadable directory: " + e.Message;
            }
            if (problem is not null)
            {
                yield return new OsvFile(Relative(directory.FullName), default, problem);
                continue;
            }
            Array.Sort(children, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            // Subdirectories go on the stack in reverse, so that the walk is in path order.
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is DirectoryInfo sub && sub.LinkTarget is null && depth < _limits.MaxDepth && !SkippedDirectories.Contains(sub.Name))
                    stack.Push((sub, depth + 1));
            }
            foreach (var child in children)
            {
                if (child is not FileInfo file || file.LinkTarget is not null || !file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (Exhausted() is { } stop)
                {
                    yield return stop;
                    yield break;
                }
                ct.ThrowIfCancellationRequested();
                yield return ReadFile(file.FullName, Relative(file.FullName));
            }
        }
    }

    private OsvFile ReadFile(string fullPath, string name)
    {
        _files++;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.Length > _limits.MaxRecordBytes)
                return TooLarge(name);
            return Fill(stream, name, compressedLength: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new OsvFile(name, default, "unreadable: " + e.Message);
        }
    }

    private IEnumerable<OsvFile> ReadZip(CancellationToken ct)
    {
        var zipName = Path.GetFileName(_path);
        FileStream stream;
        ZipArchive archive;
        try
        {
            stream = File.OpenRead(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AdvisorySourceException($"{_path}: {e.Message}", e);
        }
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            stream.Dispose();
            throw new AdvisorySourceException($"{_path}: not a readable zip: {e.Message}", e);
        }
        using (archive)
        {
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/') || !entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (Exhausted() is { } stop)
                {
                    yield return stop;
                    yield break;
                }
                ct.ThrowIfCancellationRequested();
                yield return ReadEntry(entry, zipName + "!" + entry.FullName);
            }
        }
    }

    private OsvFile ReadEntry(ZipArchiveEntry entry, string name)
    {
        _files++;
        // The declared size may lie; it can only make an entry look larger, and reading is bounded anyway.
        if (entry.Length > _limits.MaxRecordBytes)
            return TooLarge(name);
        try
        {
            using var content = entry.Open();
            return Fill(content, name, entry.CompressedLength);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return new OsvFile(name, default, "unreadable zip entry: " + e.Message);
        }
    }

    /// <summary>Reads the whole stream into the buffer, stopping at the record size limit and at a bomb's expansion.</summary>
    private OsvFile Fill(Stream stream, string name, long? compressedLength)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                if (length > _limits.MaxRecordBytes)
                    return TooLarge(name);
                Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, _limits.MaxRecordBytes + 1));
            }
            var read = stream.Read(_buffer, length, _buffer.Length - length);
            if (read == 0)
                break;
            length += read;
            _totalBytes += read;
            if (length > _limits.MaxRecordBytes)
                return TooLarge(name);
            if (compressedLength is { } compressed && length >= _limits.RatioFloor && length > Math.Max(1, compressed) * _limits.MaxCompressionRatio)
                return new OsvFile(name, default, $"expands more than {_limits.MaxCompressionRatio} times over its compressed size (a zip bomb?); not read");
        }
        return new OsvFile(name, _buffer.AsMemory(0, length), null);
    }

    private OsvFile TooLarge(string name) =>
        new(name, default, $"larger than {Size(_limits.MaxRecordBytes)}; not read");

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";

    /// <summary>A problem that ends the import's reading when a limit on files or bytes is reached.</summary>
    private OsvFile? Exhausted()
    {
        if (_files >= _limits.MaxFiles)
            return new OsvFile(Path.GetFileName(_path), default, $"more than {_limits.MaxFiles} files; the rest were not read", EndsRead: true);
        if (_totalBytes >= _limits.MaxTotalBytes)
            return new OsvFile(Path.GetFileName(_path), default, $"more than {Size(_limits.MaxTotalBytes)} read; the rest was not read", EndsRead: true);
        return null;
    }

    private string Relative(string fullPath)
    {
        var relative = Path.GetRelativePath(_path, fullPath);
        return relative == "." ? Path.GetFileName(_path) : relative.Replace('\\', '/');
    }
}
