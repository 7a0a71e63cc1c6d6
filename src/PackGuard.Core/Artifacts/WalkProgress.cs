namespace PackGuard.Artifacts;

/// <summary>How far the walker has read through an artifact file, for a progress bar.</summary>
/// <param name="BytesRead">Bytes of the file read so far (compressed bytes, for a compressed file).</param>
/// <param name="TotalBytes">The file's size.</param>
public readonly record struct WalkProgress(long BytesRead, long TotalBytes);
