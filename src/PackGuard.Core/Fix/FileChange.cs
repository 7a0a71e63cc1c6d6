namespace PackGuard.Fix;

/// <summary>
/// A proposed change to one of the package's own build files.
/// </summary>
/// <param name="Path">The file, relative to the package directory, with forward slashes.</param>
/// <param name="OldText">The text the change was computed from; <see langword="null"/> when the file does not exist yet.</param>
/// <param name="NewText">The text after the change, in the file's own line endings.</param>
/// <param name="Why">One line: what the change does, for people.</param>
public sealed record FileChange(string Path, string? OldText, string NewText, string Why)
{
    /// <summary>The file's bytes when the change was computed (a byte-order mark included), to refuse writing over a file that changed since.</summary>
    internal byte[]? OldBytes { get; init; }

    /// <summary>Whether the file starts with a UTF-8 byte-order mark that the written file keeps.</summary>
    internal bool ByteOrderMark { get; init; }

    /// <summary>The unified diff of this change.</summary>
    public string Diff => Text.UnifiedDiff.Format(Path, OldText, NewText);
}
