using PackGuard.Sources.Integrity;

namespace PackGuard.Sources;

/// <summary>
/// A file being written into a <see cref="DownloadCache"/>. Until <see cref="CommitAsync"/> it
/// is a temporary file; disposing without committing deletes it, so a failed or rejected
/// download leaves nothing behind.
/// </summary>
internal sealed class CacheWriter : IAsyncDisposable
{
    private readonly DownloadCache _cache;
    private readonly FileStream _stream;
    private bool _committed;

    public CacheWriter(DownloadCache cache, string tempPath)
    {
        _cache = cache;
        TempPath = tempPath;
        _stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
    }

    /// <summary>Where the bytes go until they are committed.</summary>
    public string TempPath { get; }

    public Stream Stream => _stream;

    /// <summary>Moves the finished file to its place under its hash and returns that path.</summary>
    public async Task<string> CommitAsync(ContentHash hash, string extension, CancellationToken ct)
    {
        await _stream.FlushAsync(ct).ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        var target = _cache.PathFor(hash, extension);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Same content, same name: replacing a concurrent writer's copy is harmless.
        File.Move(TempPath, target, overwrite: true);
        _committed = true;
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        if (!_committed)
            DownloadCache.TryDelete(TempPath);
    }
}
