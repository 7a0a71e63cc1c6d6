using PackGuard.Artifacts;
using PackGuard.Findings;

namespace PackGuard.Tests.Support;

/// <summary>The outcome of walking a fixture.</summary>
internal sealed record WalkOutcome(WalkSummary Summary, RecordingVisitor Visitor, IReadOnlyList<Finding> Findings)
{
    public IEnumerable<Finding> Of(string ruleId) => Findings.Where(f => f.RuleId == ruleId);

    public Finding Single(string ruleId) => Of(ruleId).ShouldHaveSingleItem();
}

/// <summary>Walks in-memory fixtures through a real file, as the scanner does.</summary>
internal static class Walk
{
    public static WalkOutcome Bytes(byte[] data, string fileName, ArtifactLimits? limits = null,
        RecordingVisitor? visitor = null, bool readAhead = true, TimeProvider? clock = null)
    {
        using var artifact = new TempArtifact(data, fileName);
        return File(artifact.Path, limits, visitor, readAhead, clock: clock);
    }

    public static WalkOutcome File(string path, ArtifactLimits? limits = null, RecordingVisitor? visitor = null,
        bool readAhead = true, CancellationToken cancellationToken = default, TimeProvider? clock = null)
    {
        var findings = new FindingList();
        visitor ??= new RecordingVisitor();
        var walker = new ArtifactWalker(limits ?? ArtifactLimits.Default, findings) { ReadAhead = readAhead, Clock = clock ?? TimeProvider.System };
        var summary = walker.WalkFile(path, visitor, cancellationToken);
        return new WalkOutcome(summary, visitor, findings.Findings);
    }

    public static WalkOutcome Directory(string root, ArtifactLimits? limits = null, RecordingVisitor? visitor = null)
    {
        var findings = new FindingList();
        visitor ??= new RecordingVisitor();
        var summary = new ArtifactWalker(limits ?? ArtifactLimits.Default, findings).WalkDirectory(root, visitor, CancellationToken.None);
        return new WalkOutcome(summary, visitor, findings.Findings);
    }

    /// <summary>Expects the walk of <paramref name="data"/> to fail as unreadable.</summary>
    public static ArtifactUnreadableException Unreadable(byte[] data, string fileName, bool readAhead = true) =>
        Should.Throw<ArtifactUnreadableException>(() => Bytes(data, fileName, readAhead: readAhead));
}
