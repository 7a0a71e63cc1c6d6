using PackGuard.Artifacts.Inventory;

namespace PackGuard.Diff;

/// <summary>
/// What changed between two versions of a package, as the JSON report's <c>changes</c> section
/// shows it. Only facts: <see cref="DiffFindings"/> decides which of them are worth a finding.
/// </summary>
public sealed record DiffChanges
{
    /// <summary>Unpacked bytes of all files, before and after.</summary>
    public required SizeChange Size { get; init; }

    /// <summary>Files only the new version has.</summary>
    public required IReadOnlyList<EntryChange> Added { get; init; }

    /// <summary>Files only the old version has.</summary>
    public required IReadOnlyList<EntryChange> Removed { get; init; }

    /// <summary>Files both have, with different content.</summary>
    public required IReadOnlyList<EntryChange> Changed { get; init; }

    /// <summary>How many files both have with the same content.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Kinds of file (source map, symbols, native binary, archive, executable) the old version had none of.</summary>
    public required IReadOnlyList<KindChange> NewKinds { get; init; }

    /// <summary>
    /// Install-time code added, changed or removed: npm preinstall, install and postinstall scripts (and the
    /// files of the package they run), NuGet PowerShell hooks and build files that run commands or tasks,
    /// Python setup.py and executing .pth files.
    /// </summary>
    public required IReadOnlyList<InstallScriptChange> InstallScripts { get; init; }

    /// <summary>Installed dependencies added, removed or given another range.</summary>
    public required IReadOnlyList<DependencyChange> Dependencies { get; init; }

    /// <summary>URL hosts that appear in the new version's code and nowhere in the old version's.</summary>
    public required IReadOnlyList<EndpointChange> Endpoints { get; init; }

    /// <summary>Dangerous-API tokens a changed or added script uses and its old version did not.</summary>
    public required IReadOnlyList<ApiChange> DangerousApis { get; init; }

    /// <summary>Changed scripts whose entropy or minified share jumped.</summary>
    public required IReadOnlyList<ObfuscationChange> Obfuscation { get; init; }
}

/// <summary>Unpacked bytes before and after.</summary>
public sealed record SizeChange(long Old, long New)
{
    /// <summary>New over old; <see langword="null"/> when the old version was empty.</summary>
    public double? Ratio => Old == 0 ? null : (double)New / Old;
}

/// <summary>A file added, removed or changed; sizes are null on the side that lacks it.</summary>
public sealed record EntryChange(string Path, FileKind Kind, long? OldSize, long? NewSize);

/// <summary>A kind of file the old version had none of, with the new version's files of that kind.</summary>
public sealed record KindChange(FileKind Kind, IReadOnlyList<string> Paths, long Bytes);

/// <summary>
/// An install script. For an npm script <see cref="Old"/> and <see cref="New"/> are its commands; for a file
/// (<see cref="Path"/> set) they are the file's SHA-256. Either is null on the side that lacks it.
/// </summary>
public sealed record InstallScriptChange(string Name, string? Old, string? New)
{
    /// <summary><c>added</c>, <c>changed</c> or <c>removed</c>.</summary>
    public string Change => Old is null ? "added" : New is null ? "removed" : "changed";

    /// <summary>
    /// <c>npm-script</c>; <c>npm-script-file</c> for a file an unchanged npm script runs; <c>setup-py</c>,
    /// <c>pth-file</c>, <c>msbuild</c> or <c>powershell</c> for an install-time file.
    /// </summary>
    public string Kind { get; init; } = "npm-script";

    /// <summary>The file's package path, for a file; null for an npm script's command.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// The new version's code downloads or pipes code into an interpreter (the command itself fetches), or
    /// does what an install script has no business doing (any install/* behaviour).
    /// </summary>
    public bool Fetches { get; init; }

    /// <summary>The install/* behaviours of the new version's code (<c>downloads-and-runs</c>, <c>reads-credentials</c>, ...).</summary>
    public IReadOnlyList<string> Behaviours { get; init; } = [];
}

/// <summary>A dependency; a null range is the side that lacks it.</summary>
public sealed record DependencyChange(string Name, string? OldRange, string? NewRange)
{
    /// <summary><c>added</c>, <c>changed</c> or <c>removed</c>.</summary>
    public string Change => OldRange is null ? "added" : NewRange is null ? "removed" : "changed";
}

/// <summary>A host the old version's code never named, the first URL seen for it and the files that name it.</summary>
public sealed record EndpointChange(string Host, string Url, IReadOnlyList<string> Paths);

/// <summary>Tokens a script uses that its old version did not; <see cref="AddedFile"/> when the file itself is new.</summary>
public sealed record ApiChange(string Path, IReadOnlyList<string> Tokens, bool AddedFile);

/// <summary>Entropy (bits per byte) and minified share of a changed script, before and after.</summary>
public sealed record ObfuscationChange(string Path, bool EntryPoint, double OldEntropy, double NewEntropy, double OldMinifiedShare, double NewMinifiedShare);
