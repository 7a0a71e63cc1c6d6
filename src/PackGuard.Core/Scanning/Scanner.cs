using System.IO.Enumeration;
using System.Security.Cryptography;
using PackGuard.Artifacts;
using PackGuard.Artifacts.Inventory;
using PackGuard.Artifacts.Metadata;
using PackGuard.Findings;
using PackGuard.Inspectors;
using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Inspectors.Install;
using PackGuard.Inspectors.Exposure;
using PackGuard.Inspectors.Files;
using PackGuard.Inspectors.Secrets;
using PackGuard.Inspectors.SourceMaps;
using PackGuard.Sources;

namespace PackGuard.Scanning;

/// <summary>
/// Runs the pipeline for one resolved target: the <see cref="ArtifactWalker"/> streams entries
/// once through <see cref="EntryFanOut"/> to the <see cref="MetadataCollector"/>, the
/// <see cref="InventoryCollector"/> (what <c>packguard diff</c> compares) and to each
/// inspector's per-artifact inspection; when the walk ends the inspections complete with the
/// package's metadata in hand. The result holds observations only; policy decides the verdict.
/// </summary>
public sealed class Scanner
{
    private readonly IReadOnlyList<IInspector> _inspectors;
    private readonly ArtifactLimits _limits;
    private readonly TimeProvider _clock;

    /// <summary>Creates a scanner with the given inspectors and limits; time budgets run on <paramref name="clock"/>.</summary>
    public Scanner(IReadOnlyList<IInspector> inspectors, ArtifactLimits limits, TimeProvider? clock = null)
    {
        _inspectors = inspectors;
        _limits = limits;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// The inspectors PackGuard ships; secrets are fingerprinted with <paramref name="fingerprinter"/>,
    /// and <paramref name="exposure"/> holds what the team declared (codenames).
    /// </summary>
    public static IReadOnlyList<IInspector> DefaultInspectors(SecretFingerprinter fingerprinter, ExposureOptions? exposure = null) =>
        [new SourceMapInspector(), new SecretInspector(fingerprinter), new DebugSymbolInspector(), new InstallInspector(), new FilesInspector(), new ExposureInspector(exposure)];

    /// <summary>Scans a target that is already on this machine.</summary>
    /// <exception cref="ArtifactUnreadableException">The artifact cannot be read at all.</exception>
    public ScanResult Scan(ResolvedTarget target, CancellationToken cancellationToken = default) =>
        Scan(target, progress: null, cancellationToken);

    /// <summary>Scans a target, reporting how far through the artifact file the walk is.</summary>
    /// <exception cref="ArtifactUnreadableException">The artifact cannot be read at all.</exception>
    public ScanResult Scan(ResolvedTarget target, IProgress<WalkProgress>? progress, CancellationToken cancellationToken = default)
    {
        var findings = new SynchronizedFindingList();
        var context = new InspectionContext(findings, _limits, cancellationToken) { IsDirectory = target.IsDirectory };
        var inspections = _inspectors.Select(i => i.Begin(context)).ToList();
        var metadata = new MetadataCollector();
        var inventory = new InventoryCollector();
        var fanOut = new EntryFanOut([metadata, inventory, .. inspections]);

        // Hash on the other core while this one decompresses: the file is read from the page cache.
        var hash = target.IsDirectory ? null : Task.Run(() => Sha256(target.LocalPath), cancellationToken);
        var walker = new ArtifactWalker(_limits, findings) { Progress = progress, Clock = _clock };
        var walk = target.IsDirectory
            ? walker.WalkDirectory(target.LocalPath, fanOut, cancellationToken)
            : walker.WalkFile(target.LocalPath, fanOut, cancellationToken);

        var package = metadata.Result;
        foreach (var finding in ManifestRules.FindingsFor(package))
            findings.Report(finding);
        var summary = new ArtifactSummary(package, fanOut.Paths);
        foreach (var inspection in inspections)
            inspection.Complete(summary);

        var info = new TargetInfo(
            target.Spec.Raw,
            package.Ecosystem ?? target.Ecosystem,
            package.Name,
            package.Version,
            package.License,
            hash?.GetAwaiter().GetResult(),
            target.IsDirectory ? DirectorySize(target.LocalPath) : new FileInfo(target.LocalPath).Length,
            walk.EntryCount)
        {
            Repository = package.Repository,
            Registry = target.Registry?.ToString(),
        };
        return new ScanResult(info, Order(findings.Findings))
        {
            Incomplete = walk.Incomplete,
            Inventory = inventory.Result(package),
            InstallHooks = [.. inspections.OfType<IInstallHookSource>().SelectMany(s => s.Hooks)],
        };
    }

    /// <summary>Most severe first, then by location and rule, so reports and snapshots are stable.</summary>
    public static IReadOnlyList<Finding> Order(IEnumerable<Finding> findings) =>
        [.. findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Location.Path, StringComparer.Ordinal)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Fingerprint, StringComparer.Ordinal)];

    private static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// The bytes of the files the walk reads: those below the root, never through a link.
    /// (Recursing with <see cref="EnumerationOptions.RecurseSubdirectories"/> alone follows links
    /// to directories: a link to <c>/</c> summed the whole disk, /proc included, and never ended,
    /// and a link out of the package counted files that are not in it.)
    /// </summary>
    private static long DirectorySize(string root)
    {
        var files = new FileSystemEnumerable<long>(root, static (ref FileSystemEntry entry) => entry.Length,
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory && !IsLink(entry),
            ShouldRecursePredicate = static (ref FileSystemEntry entry) => !IsLink(entry),
        };
        return files.Sum();
    }

    private static bool IsLink(in FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>The walker may report limits from its decompression thread while inspectors report from theirs.</summary>
    private sealed class SynchronizedFindingList : IFindingSink
    {
        private readonly List<Finding> _findings = [];
        private readonly Lock _lock = new();

        public IReadOnlyList<Finding> Findings
        {
            get
            {
                lock (_lock)
                    return [.. _findings];
            }
        }

        public void Report(Finding finding)
        {
            lock (_lock)
                _findings.Add(finding);
        }
    }
}
