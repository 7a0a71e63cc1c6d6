using PackGuard.Findings;
using PackGuard.Policy;
using PackGuard.Scanning;

namespace PackGuard.Tests.Policy;

public sealed class PolicyEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);

    private static Finding Finding(string rule, Severity severity, string path, string fingerprint) =>
        new(rule, severity, "title", "message", new FindingLocation(path), fingerprint, []);

    private static readonly Finding MapA = Finding("source-map/paths-only", Severity.Low, "package/dist/a.js.map", "fp-a");
    private static readonly Finding MapB = Finding("source-map/paths-only", Severity.Low, "package/lib/b.js.map", "fp-b");
    private static readonly Finding Key = Finding("file/private-key", Severity.High, "package/test/fixtures/key.pem", "fp-key");
    private static readonly Finding Embedded = Finding("source-map/embedded-sources", Severity.Critical, "package/cli.js.map", "fp-cli");

    private static ScanResult Result(params Finding[] findings) =>
        new(new TargetInfo("x.tgz", "npm", "x", "1.0.0", "MIT", null, 1, findings.Length), findings);

    private static Suppression ByRule(int index, string rule, string? path, DateOnly expires) =>
        new(index, null, rule, path is null ? null : PathGlob.Create(path), "accepted", "ann", expires);

    [Fact]
    public void Without_a_policy_the_report_is_the_verdict_on_every_finding()
    {
        var report = new PolicyEvaluator(PolicyConfig.Default, null, Today).Evaluate(Result(Embedded, MapA), FailThreshold.Default);

        report.Verdict.ShouldBe(Verdict.Fail);
        report.Result.Findings.Count.ShouldBe(2);
        report.Policy.ShouldBe(PolicyOutcome.None with { Suppressed = report.Policy.Suppressed, Expired = report.Policy.Expired });
        report.Policy.Suppressed.ShouldBeEmpty();
        report.Policy.Expired.ShouldBeEmpty();
    }

    [Fact]
    public void Excludes_drop_findings_at_matching_paths_before_the_verdict_and_count_them()
    {
        var config = PolicyConfig.Default with { Excludes = [PathGlob.Create("**/fixtures/**")], Source = "packguard.json" };

        var report = new PolicyEvaluator(config, null, Today).Evaluate(Result(Key, MapA), FailThreshold.Default);

        report.Result.Findings.ShouldBe([MapA]);
        report.Verdict.ShouldBe(Verdict.Pass);
        report.Policy.Excluded.ShouldBe(1);
        report.Policy.Config.ShouldBe("packguard.json");
        report.Summary[Severity.High].ShouldBe(0);
    }

    [Fact]
    public void A_baseline_hides_known_fingerprints_and_a_new_finding_still_shows()
    {
        var known = new PolicyEvaluator(PolicyConfig.Default, null, Today).Evaluate(Result(Embedded, MapA), FailThreshold.Default);
        var baseline = Baseline.From([known], ["x.tgz"], new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var evaluator = new PolicyEvaluator(PolicyConfig.Default, baseline, Today);

        var same = evaluator.Evaluate(Result(Embedded, MapA), FailThreshold.Default);
        same.Result.Findings.ShouldBeEmpty();
        same.Verdict.ShouldBe(Verdict.Pass);
        same.Policy.Baselined.ShouldBe(2);

        var later = evaluator.Evaluate(Result(Embedded, MapA, Key), FailThreshold.Default);
        later.Result.Findings.ShouldBe([Key]);
        later.Verdict.ShouldBe(Verdict.Fail);
        later.Policy.Baselined.ShouldBe(2);
    }

    [Fact]
    public void An_active_suppression_hides_its_findings_from_the_verdict_and_lists_them()
    {
        var byRule = ByRule(0, "source-map/paths-only", "dist/**", new DateOnly(2026, 4, 30));
        var byFingerprint = new Suppression(1, "fp-cli", null, null, "vendor bundle, reviewed", "bob", new DateOnly(2026, 4, 1));
        var config = PolicyConfig.Default with { Suppressions = [byRule, byFingerprint] };

        var report = new PolicyEvaluator(config, null, Today).Evaluate(Result(Embedded, MapA, MapB), FailThreshold.Default);

        report.Result.Findings.ShouldBe([MapB]);
        report.Verdict.ShouldBe(Verdict.Pass);
        report.Summary[Severity.Critical].ShouldBe(0);
        report.Policy.Suppressed.Select(s => (s.Finding, s.Suppression)).ShouldBe([(Embedded, byFingerprint), (MapA, byRule)], ignoreOrder: true);
        report.Policy.Expired.ShouldBeEmpty();
    }

    [Fact]
    public void After_its_expiry_day_a_suppression_stops_suppressing_and_is_reported_as_expired()
    {
        var suppression = new Suppression(0, "fp-cli", null, null, "vendor bundle, reviewed", "bob", new DateOnly(2026, 4, 1));
        var unrelated = ByRule(1, "file/private-key", null, new DateOnly(2026, 3, 1));
        var config = PolicyConfig.Default with { Suppressions = [suppression, unrelated] };

        var onTheDay = new PolicyEvaluator(config, null, new DateOnly(2026, 4, 1)).Evaluate(Result(Embedded), FailThreshold.Default);
        var dayAfter = new PolicyEvaluator(config, null, new DateOnly(2026, 4, 2)).Evaluate(Result(Embedded), FailThreshold.Default);

        onTheDay.Verdict.ShouldBe(Verdict.Pass);
        onTheDay.Policy.Suppressed.ShouldHaveSingleItem();
        onTheDay.Policy.Expired.ShouldBe([new ExpiredSuppression(unrelated, 0)]);
        dayAfter.Verdict.ShouldBe(Verdict.Fail);
        dayAfter.Result.Findings.ShouldBe([Embedded]);
        dayAfter.Policy.Suppressed.ShouldBeEmpty();
        dayAfter.Policy.Expired.ShouldBe([new ExpiredSuppression(suppression, 1), new ExpiredSuppression(unrelated, 0)]);
    }

    [Fact]
    public void Rule_settings_apply_before_suppressions_and_prepare_applies_only_settings_and_excludes()
    {
        var config = PolicyConfig.Default with
        {
            Rules = new Dictionary<string, RuleSetting> { ["source-map/embedded-sources"] = new(Severity: Severity.Low) },
            Excludes = [PathGlob.Create("lib/**")],
            Suppressions = [ByRule(0, "source-map/paths-only", null, new DateOnly(2026, 5, 1))],
        };
        var evaluator = new PolicyEvaluator(config, null, Today);

        evaluator.Prepare(Result(Embedded, MapA, MapB)).Findings.Select(f => (f.RuleId, f.Severity)).ShouldBe(
            [("source-map/embedded-sources", Severity.Low), ("source-map/paths-only", Severity.Low)]);
        var report = evaluator.Evaluate(Result(Embedded, MapA, MapB), FailThreshold.Default);
        report.Result.Findings.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Low);
        report.Policy.Excluded.ShouldBe(1);
        report.Policy.Suppressed.ShouldHaveSingleItem().Finding.ShouldBe(MapA);
    }

    [Fact]
    public void A_baseline_leaves_out_what_suppressions_hide_so_that_expiry_still_bites()
    {
        var config = PolicyConfig.Default with { Suppressions = [ByRule(0, "source-map/paths-only", null, new DateOnly(2026, 4, 10))] };
        var today = new PolicyEvaluator(config, null, Today).Evaluate(Result(Embedded, MapA), FailThreshold.Default);
        var baseline = Baseline.From([today], ["x.tgz"], new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

        baseline.Entries.Select(e => e.Fingerprint).ShouldBe(["fp-cli"]);
        var afterExpiry = new PolicyEvaluator(config, baseline, new DateOnly(2026, 4, 11)).Evaluate(Result(Embedded, MapA), FailThreshold.Default);
        afterExpiry.Result.Findings.ShouldBe([MapA]);
    }
}
