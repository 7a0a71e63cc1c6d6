using PackGuard.Artifacts;

namespace PackGuard.Bench;

/// <summary>One file of the benchmark corpus, held in memory.</summary>
/// <param name="EntryPath">The path relative to the argument it was found under, with <c>/</c> separators.</param>
/// <param name="Bytes">The whole content.</param>
internal sealed record CorpusFile(string EntryPath, byte[] Bytes)
{
    /// <summary>The first bytes, as an inspector sees them before the content.</summary>
    public ReadOnlySpan<byte> Head => Bytes.AsSpan(0, Math.Min(Bytes.Length, ContentSniffer.HeadSize));

    /// <summary>How the secret inspector tells a binary: a NUL byte in the head.</summary>
    public bool IsBinary => Head.IndexOf((byte)0) >= 0;

    public ArtifactEntry Entry => new(EntryPath, EntryKind.File, Bytes.Length);
}

/// <summary>Reads files and directory trees into memory, so that the benchmark measures no disk.</summary>
internal static class SecretCorpus
{
    // Like ripgrep and secretlint: hidden files included, symbolic links not followed.
    private static readonly EnumerationOptions Everything = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = false,
    };

    public static IReadOnlyList<CorpusFile> Load(IEnumerable<string> paths)
    {
        var files = new List<CorpusFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                var names = Directory.EnumerateFiles(root, "*", Everything).Order(StringComparer.Ordinal);
                files.AddRange(names.Select(name => new CorpusFile(Path.GetRelativePath(root, name).Replace('\\', '/'), File.ReadAllBytes(name))));
            }
            else if (File.Exists(path))
            {
                files.Add(new CorpusFile(Path.GetFileName(path), File.ReadAllBytes(path)));
            }
            else
            {
                throw new FileNotFoundException($"no such file or directory: {path}", path);
            }
        }
        return files;
    }
}
