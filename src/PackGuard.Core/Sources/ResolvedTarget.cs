namespace PackGuard.Sources;

/// <summary>
/// A target turned into bytes on this machine: a file (downloads land in the cache) or a
/// directory. Nothing here points at the network any more.
/// </summary>
/// <param name="Spec">What the user asked for.</param>
/// <param name="LocalPath">The file or directory to read.</param>
/// <param name="IsDirectory">Whether <paramref name="LocalPath"/> is a directory.</param>
public sealed record ResolvedTarget(TargetSpec Spec, string LocalPath, bool IsDirectory)
{
    /// <summary>Ecosystem implied by where the target came from (<c>npm</c>, <c>nuget</c>), before reading it.</summary>
    public string? Ecosystem { get; init; }

    /// <summary>The registry or feed the bytes came from, for registry targets.</summary>
    public Uri? Registry { get; init; }

    /// <summary>
    /// The concrete version a registry target resolved to (a tag or range in the spec becomes
    /// e.g. <c>7.0.0</c>); <see langword="null"/> for local targets.
    /// </summary>
    public string? ResolvedVersion { get; init; }

    /// <summary>The integrity string the registry published and that the download matched (e.g. <c>sha512-...</c>).</summary>
    public string? VerifiedIntegrity { get; init; }
}

/// <summary>
/// The target could not be read: not found, network failure, integrity mismatch. The CLI turns
/// this into exit code 3 with <see cref="Exception.Message"/> as the explanation.
/// </summary>
public sealed class TargetUnavailableException : Exception
{
    /// <summary>Creates the exception with a message a user can act on.</summary>
    public TargetUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Progress of a download, for a progress bar.</summary>
/// <param name="Label">What is being downloaded.</param>
/// <param name="BytesReceived">Bytes so far.</param>
/// <param name="TotalBytes">Expected total, when the server said.</param>
public readonly record struct TransferProgress(string Label, long BytesReceived, long? TotalBytes);
