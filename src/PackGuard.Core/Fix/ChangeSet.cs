namespace PackGuard.Fix;

/// <summary>
/// Collects edits to the package's files from several fixers (the files allowlist and a build
/// script both edit package.json): each fixer edits the current text, and the result is one
/// change per file from the text on disk to the final text.
/// </summary>
internal sealed class ChangeSet
{
    private readonly string _directory;
    private readonly Dictionary<string, (ProjectFile? Original, string Text, List<string> Why)> _files = new(StringComparer.Ordinal);

    public ChangeSet(string directory) => _directory = directory;

    /// <summary>The file's text as edited so far; <see langword="null"/> when it neither exists nor was created.</summary>
    public string? Current(string path)
    {
        if (_files.TryGetValue(path, out var file))
            return file.Text;
        return Original(path)?.Text;
    }

    /// <summary>The file as it is on disk.</summary>
    public ProjectFile? Original(string path)
    {
        if (_files.TryGetValue(path, out var file))
            return file.Original;
        return ProjectFile.Read(_directory, path);
    }

    /// <summary>Records the file's new text (creating the file when it does not exist).</summary>
    public void Set(string path, string text, string why)
    {
        if (!_files.TryGetValue(path, out var file))
            file = (ProjectFile.Read(_directory, path), "", []);
        file.Why.Add(why);
        _files[path] = (file.Original, text, file.Why);
    }

    /// <summary>Adds a change computed by a fixer on the file as it was on disk.</summary>
    public void Add(FileChange change) => Set(change.Path, change.NewText, change.Why);

    /// <summary>One change per file whose text differs from the disk's, in path order.</summary>
    public IReadOnlyList<FileChange> Changes() =>
        [.. _files.Where(f => f.Value.Original?.Text != f.Value.Text || f.Value.Original is null)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Value.Original is { } original
                ? original.ChangeTo(f.Value.Text, string.Join("; ", f.Value.Why))
                : ProjectFile.Create(f.Key, f.Value.Text, string.Join("; ", f.Value.Why)))];
}
