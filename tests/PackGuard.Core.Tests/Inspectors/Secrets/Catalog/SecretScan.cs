using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Scanning;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Inspectors.Secrets.Catalog;

/// <summary>Scans files packed into a tarball with the real scanner and returns its secret findings.</summary>
internal static class SecretScan
{
    public static IReadOnlyList<Finding> Findings(string path, string content) => Findings(TestFile.Text(path, content));

    public static IReadOnlyList<Finding> Findings(params TestFile[] files)
    {
        using var artifact = new TempArtifact(TestArchive.TarGz(files), "sample.tgz");
        var scanner = new Scanner(Scanner.DefaultInspectors(TestKeys.Fingerprinter), ArtifactLimits.Default);
        var result = scanner.Scan(new ResolvedTarget(new TargetSpec(artifact.Path, TargetKind.Local, artifact.Path, null), artifact.Path, IsDirectory: false));
        return [.. result.Findings.Where(f => f.RuleId.StartsWith("secret/", StringComparison.Ordinal))];
    }

    /// <summary>The single finding of <paramref name="ruleId"/>; fails when there is none or more than one.</summary>
    public static Finding Single(string ruleId, string path, string content)
    {
        var findings = Findings(path, content);
        findings.Where(f => f.RuleId == ruleId).ShouldHaveSingleItem(string.Join(", ", findings.Select(f => f.RuleId)));
        return findings.Single(f => f.RuleId == ruleId);
    }
}
