using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Rules;

namespace PackGuard.Scanning;

/// <summary>
/// Rules about the scan itself rather than what it found: a scan that could not do all it was
/// asked to says so, so that a partial result is never mistaken for a clean one.
/// </summary>
public static class ScanRules
{
    /// <summary>A time budget ran out, so the scan did not read everything.</summary>
    public const string Incomplete = "scan/incomplete";

    /// <summary>The descriptor of <see cref="Incomplete"/>.</summary>
    public static RuleDescriptor IncompleteRule { get; } = new(
        Incomplete,
        "Scan incomplete",
        Severity.Medium,
        "Reading and inspecting one entry took longer than the per-entry time budget (limits.maxEntryTime, "
        + "1 minute by default), or the whole artifact longer than the scan budget (limits.maxScanTime, 10 "
        + "minutes by default). What was not read was not inspected. `packguard scan` then exits 3, as for "
        + "an artifact it cannot read, unless --allow-incomplete is given.",
        "A scan that stopped early vouches only for what it read: a secret or a source map after the point "
        + "where it stopped goes unseen. Ordinary packages scan in seconds, so an entry that takes minutes "
        + "is unusual in itself, and content crafted to exhaust scanners is one way to hide something.",
        "Look at the entry named in the finding: an unusual file (a giant generated file, a crafted archive) "
        + "deserves a look of its own. If the artifact is legitimately this large, or the machine was busy, "
        + "raise limits.maxEntryTime or limits.maxScanTime in the PackGuard configuration.",
        [
            new("an entry that outlasts its time budget", true,
                [new("package/package.json", """{"name":"slow","version":"1.0.0"}"""),
                 new("package/dist/bundle.js", new string('x', 64 * 1024))],
                Severity.Medium) { Limits = ArtifactLimits.Default with { MaxEntryTime = TimeSpan.Zero } },
            new("an artifact that outlasts the scan budget", true,
                [new("package/index.js", "module.exports = 1;")],
                Severity.Medium) { Limits = ArtifactLimits.Default with { MaxScanTime = TimeSpan.Zero } },
            new("an ordinary package within the default budgets", false,
                [new("package/package.json", """{"name":"quick","version":"1.0.0"}"""),
                 new("package/dist/bundle.js", new string('x', 64 * 1024))]),
        ]);

    /// <summary>Every scan rule.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [IncompleteRule];
}
