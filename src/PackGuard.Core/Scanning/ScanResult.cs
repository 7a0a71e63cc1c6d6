using PackGuard.Artifacts.Inventory;
using PackGuard.Findings;

namespace PackGuard.Scanning;

/// <summary>Facts about the scanned artifact, as the JSON report's <c>target</c> object shows them.</summary>
/// <param name="Spec">The target as the user wrote it.</param>
/// <param name="Ecosystem"><c>npm</c>, <c>nuget</c>, <c>pypi</c> or <see langword="null"/>.</param>
/// <param name="Name">Package name from its manifest.</param>
/// <param name="Version">Package version from its manifest.</param>
/// <param name="License">Declared licence.</param>
/// <param name="Sha256">SHA-256 of the artifact file (hex); <see langword="null"/> for a directory.</param>
/// <param name="Size">Bytes of the artifact file, or of all files of a directory.</param>
/// <param name="EntryCount">Entries walked, nested archives' entries included.</param>
public sealed record TargetInfo(
    string Spec,
    string? Ecosystem,
    string? Name,
    string? Version,
    string? License,
    string? Sha256,
    long Size,
    int EntryCount)
{
    /// <summary>Declared source repository.</summary>
    public string? Repository { get; init; }

    /// <summary>The registry the artifact was downloaded from, when it was.</summary>
    public string? Registry { get; init; }
}

/// <summary>Everything one scan observed, before policy decides the verdict.</summary>
/// <param name="Target">The scanned artifact.</param>
/// <param name="Findings">Findings, most severe first, then by path.</param>
public sealed record ScanResult(TargetInfo Target, IReadOnlyList<Finding> Findings)
{
    /// <summary>
    /// A time budget ran out and part of the artifact was not inspected; a <c>scan/incomplete</c>
    /// finding says where. Policy cannot hide this: a rule setting may drop the finding, not the fact.
    /// </summary>
    public bool Incomplete { get; init; }

    /// <summary>Every file with its size, hash and kind, and the package's metadata; what a diff compares.</summary>
    public ArtifactInventory? Inventory { get; init; }

    /// <summary>The code the package runs at install time (npm scripts, setup.py, .pth files, NuGet build files and PowerShell hooks), and what it does; what a diff compares as install scripts.</summary>
    public IReadOnlyList<Inspectors.Install.InstallHook> InstallHooks { get; init; } = [];

    /// <summary>Set on the result of <c>packguard diff</c>: the old version and what changed. Its findings are then <c>diff/*</c> findings.</summary>
    public Diff.DiffComparison? Comparison { get; init; }

    /// <summary>Set on the result of <c>packguard deps</c>: the lockfiles read. Its findings are then <c>dependency/*</c> and <c>lockfile/*</c> findings.</summary>
    public Dependencies.Audit.DependencyAuditSummary? Dependencies { get; init; }
}
