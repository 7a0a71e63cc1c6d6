namespace PackGuard.Artifacts;

/// <summary>What kind of thing an archive entry is.</summary>
public enum EntryKind
{
    File,
    Directory,
    SymbolicLink,
    HardLink,
    Other,
}

/// <summary>
/// One entry of an artifact, as the walker meets it. Entries inside nested archives carry the
/// whole chain in <see cref="Path"/>, separated by <c>!</c>.
/// </summary>
/// <param name="Path">Full display path, e.g. <c>package/lib.tgz!package/index.js</c>.</param>
/// <param name="Kind">File, directory or link.</param>
/// <param name="Size">Declared (uncompressed) size when the format states one.</param>
/// <param name="LinkTarget">Target of a symbolic or hard link.</param>
/// <param name="Depth">0 for entries of the scanned artifact, 1 inside a nested archive, and so on.</param>
public sealed record ArtifactEntry(string Path, EntryKind Kind, long? Size, string? LinkTarget = null, int Depth = 0)
{
    /// <summary>
    /// Set on a file entry that the walker opens as a nested archive: the visitor is told about it
    /// with an empty head (its sink is ignored), and the archive's own entries follow with
    /// <c>!</c> names. <see cref="ArchiveFormat.None"/> for every other entry.
    /// </summary>
    public ArchiveFormat NestedArchive { get; init; }

    /// <summary>The archive (tar) or file system marks the file executable (any of the x bits).</summary>
    public bool Executable { get; init; }

    /// <summary>The path inside the innermost archive (after the last <c>!</c>).</summary>
    public string InnerPath => Path[(Path.LastIndexOf('!') + 1)..];

    /// <summary>The path of the innermost containing archive followed by <c>!</c>, or empty at depth 0.</summary>
    public string ContainerPrefix => Path[..(Path.LastIndexOf('!') + 1)];

    /// <summary>The file name: the last segment of <see cref="InnerPath"/>.</summary>
    public string FileName
    {
        get
        {
            var inner = InnerPath.TrimEnd('/');
            return inner[(inner.LastIndexOf('/') + 1)..];
        }
    }
}
