namespace PackGuard.Fix;

/// <summary>
/// What <c>packguard fix</c> proposes for one package: edits to the package's own build files
/// (shown as a unified diff and applied only on request), what each finding gets, and advice
/// where no file edit is safe. The automation proposes; a person approves.
/// </summary>
/// <param name="Ecosystem"><c>npm</c>, <c>nuget</c> or <c>pypi</c>.</param>
/// <param name="Directory">The package directory (absolute).</param>
/// <param name="Changes">The proposed file edits, by path.</param>
/// <param name="Items">One entry per finding considered.</param>
/// <param name="Advice">Steps that need a person: configuration written as code, credentials to rotate.</param>
/// <param name="DroppedFiles">Files of the package the edits leave out of it (package paths).</param>
public sealed record FixPlan(
    string Ecosystem,
    string Directory,
    IReadOnlyList<FileChange> Changes,
    IReadOnlyList<FixItem> Items,
    IReadOnlyList<string> Advice,
    IReadOnlyList<string> DroppedFiles)
{
    /// <summary>Commands run to build the package, as they were run, for the output to say.</summary>
    public IReadOnlyList<string> Ran { get; init; } = [];

    /// <summary>Where the artifact that was scanned came from, in words.</summary>
    public string? ArtifactDescription { get; init; }

    /// <summary>Whether anything is proposed: a file edit, or a finding that needs a person.</summary>
    public bool ChangeNeeded => Changes.Count > 0 || Items.Any(i => !i.Automatic);

    /// <summary>The unified diff of every change, in path order.</summary>
    public string Diff => string.Concat(Changes.OrderBy(c => c.Path, StringComparer.Ordinal).Select(c => c.Diff));
}
