using PackGuard.Artifacts;
using System.Text.Json;
using PackGuard.Diff;
using PackGuard.Tests.Dependencies.Audit;
using PackGuard.Gate;
using PackGuard.Inspectors.Exposure;
using PackGuard.Ledger;
using PackGuard.Rules;
using PackGuard.Scanning;
using PackGuard.Sources;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Rules;

/// <summary>
/// Rules are data with samples: every sample of every rule in the catalog is packed into a
/// tarball and scanned by the real scanner; the rule must fire (with the sample's severity)
/// exactly when the sample says so. A rule without samples both ways fails here. A <c>diff/*</c>
/// sample is a pair: its <see cref="RuleSample.Before"/> and its files are scanned as two versions
/// and diffed, as <c>packguard diff</c> does.
/// </summary>
public sealed class RuleCatalogTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in RuleCatalog.Default.All)
        {
            foreach (var sample in rule.Samples)
                data.Add(rule.Id, sample.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_fires_exactly_when_it_says(string ruleId, string sampleName)
    {
        var rule = RuleCatalog.Default.Find(ruleId)!;
        var sample = rule.Samples.Single(s => s.Name == sampleName);

        var fired = Scan(sample).Findings.Where(f => f.RuleId == ruleId).ToList();

        if (!sample.Fires)
        {
            fired.ShouldBeEmpty();
            return;
        }
        fired.ShouldNotBeEmpty();
        if (sample.Severity is { } severity)
            fired.ShouldAllBe(f => f.Severity == severity);
        fired.ShouldAllBe(f => f.Title == rule.Title && f.Message.Length > 0 && f.Fix != null && f.Fingerprint.Length == 32);
    }

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.Default.All)
            data.Add(rule.Id);
        return data;
    }

    /// <summary>
    /// What <c>packguard rules</c> lists as a rule's severity is the most its own samples reach,
    /// neither a promise the rule never keeps nor an understatement. Rules whose samples state
    /// their severities (a limit and a decompression bomb differ) are held to those instead.
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_default_severity_is_the_highest_its_samples_reach(string ruleId)
    {
        var rule = RuleCatalog.Default.Find(ruleId)!;
        var positives = rule.Samples.Where(s => s.Fires).ToList();
        if (positives.Any(s => s.Severity != null))
            return;

        var highest = positives
            .SelectMany(s => Scan(s).Findings.Where(f => f.RuleId == ruleId))
            .Max(f => f.Severity);

        highest.ShouldBe(rule.DefaultSeverity);
    }

    [Fact]
    public void Every_rule_is_documented_and_has_samples_both_ways()
    {
        RuleCatalog.Default.All.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var rule in RuleCatalog.Default.All)
        {
            rule.Id.ShouldMatch("^[a-z0-9-]+/[a-z0-9-]+$");
            new[] { rule.Description, rule.WhyItMatters, rule.HowToFix }.ShouldAllBe(t => t.Length > 40, rule.Id);
            rule.Samples.ShouldContain(s => s.Fires, rule.Id);
            rule.Samples.ShouldContain(s => !s.Fires, rule.Id);
            rule.Samples.Select(s => s.Name).ShouldBeUnique(rule.Id);
        }
        RuleCatalog.Default.All.Select(r => r.Id).ShouldBeUnique();
    }

    [Fact]
    public void The_inspectors_report_only_catalogued_rules()
    {
        var declared = Scanner.DefaultInspectors(TestKeys.Fingerprinter).SelectMany(i => i.Rules).Select(r => r.Id).ToList();
        declared.ShouldAllBe(id => RuleCatalog.Default.Find(id) != null);
    }

    private static ScanResult Scan(RuleSample sample) =>
        sample.Project is { } project ? Audit(project)
        : sample.Earlier is { } earlier ? SeenBefore(earlier, sample.Files)
        : sample.Registry is { } registry ? Gate(registry)
        : sample.Before is { } before
            ? PackageDiff.Compare(Scan(before, sample.Limits), Scan(sample.Files, sample.Limits))
            : Scan(sample.Files, sample.Limits, sample.Codenames);

    /// <summary>A <c>gate/*</c> sample: the registry signals of its packument, as <c>packguard gate</c> evaluates them.</summary>
    private static ScanResult Gate(RegistrySample sample)
    {
        using var document = JsonDocument.Parse(sample.Packument);
        var history = ReleaseHistory.Parse(document.RootElement, "acme");
        var findings = GateSignals.Evaluate(history, sample.Version, 10, sample.Now, GateRules.DefaultCooldown);
        return new ScanResult(new TargetInfo("npm:acme@" + sample.Version, "npm", "acme", sample.Version, null, null, 0, 0), findings);
    }

    /// <summary>A <c>dependency/*</c> or <c>lockfile/*</c> sample: its project audited as <c>packguard deps</c> audits a directory.</summary>
    private static ScanResult Audit(ProjectSample project)
    {
        using var sandbox = new TestSandbox();
        foreach (var file in project.Files)
            sandbox.Write(Path.Combine("work", file.Path), file.Text);
        return ProjectAudits.Run(sandbox.Work, project);
    }

    /// <summary>A <c>credential/not-rotated</c> sample: the earlier scan recorded as blocked in a ledger, then the sample scanned and checked against it.</summary>
    private static ScanResult SeenBefore(IReadOnlyList<SampleFile> earlier, IReadOnlyList<SampleFile> files)
    {
        using var sandbox = new TestSandbox();
        using var ledger = LedgerStore.Open(Path.Combine(sandbox.Root, "ledger.db"), TimeProvider.System);
        var before = Scan(earlier, null);
        ledger.Record(new LedgerRun(Guid.NewGuid(), TimeProvider.System.GetUtcNow().AddDays(-1), LedgerControl.Scan, LedgerContext.Local, "earlier.tgz",
            "npm", "earlier", "1.0.0", null, LedgerRun.Fail, "high", [.. before.Findings.Select(LedgerFinding.From)]));
        return NotRotatedCheck.AddTo(Scan(files, null), ledger);
    }

    private static ScanResult Scan(IReadOnlyList<SampleFile> files, ArtifactLimits? limits, IReadOnlyList<string>? codenames = null)
    {
        var bytes = TestArchive.TarGz(files.Select(f => f.LinkTarget is null
            ? new TestFile(f.Path, f.Bytes)
            : TestFile.Symlink(f.Path, f.LinkTarget)));
        using var artifact = new TempArtifact(bytes, "sample.tgz");
        var exposure = new ExposureOptions { Codenames = codenames ?? [] };
        var scanner = new Scanner(Scanner.DefaultInspectors(TestKeys.Fingerprinter, exposure), limits ?? ArtifactLimits.Default);
        return scanner.Scan(new ResolvedTarget(new TargetSpec(artifact.Path, TargetKind.Local, artifact.Path, null), artifact.Path, IsDirectory: false));
    }
}
