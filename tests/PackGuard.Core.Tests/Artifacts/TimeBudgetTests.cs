using PackGuard.Artifacts;
using PackGuard.Findings;
using PackGuard.Scanning;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

/// <summary>
/// The per-entry and whole-walk time budgets: running out stops reading (the entry, or the walk),
/// reports <c>scan/incomplete</c> and marks the walk incomplete; it never passes silently.
/// </summary>
public sealed class TimeBudgetTests
{
    private static readonly byte[] TwoMegabytes = Enumerable.Range(0, 2 * 1024 * 1024).Select(i => (byte)(i * 7)).ToArray();

    [Fact]
    public void An_entry_over_its_time_budget_is_cut_and_the_walk_goes_on()
    {
        var tarball = TestArchive.NpmTarball(new TestFile("slow.bin", TwoMegabytes), TestFile.Text("next.js", "next"));
        // One second per reading of the clock; the 2 MiB entry needs 16 chunks, so 5 s runs out inside it.
        var limits = ArtifactLimits.Default with { MaxEntryTime = TimeSpan.FromSeconds(5) };

        var outcome = Walk.Bytes(tarball, "slow.tgz", limits, clock: new SteppingClock(TimeSpan.FromSeconds(1)));

        var slow = outcome.Visitor["package/slow.bin"];
        slow.Truncated.ShouldBe(true);
        slow.Content.Length.ShouldBeLessThan(TwoMegabytes.Length);
        slow.Content.ShouldBe(TwoMegabytes[..slow.Content.Length]);
        outcome.Visitor["package/next.js"].Text.ShouldBe("next");
        outcome.Summary.Incomplete.ShouldBeTrue();
        var finding = outcome.Single(ScanRules.Incomplete);
        finding.Severity.ShouldBe(Severity.Medium);
        finding.Location.Path.ShouldBe("package/slow.bin");
        finding.Properties["budget"]!.GetValue<string>().ShouldBe("entryTime");
        finding.Properties["maxSeconds"]!.GetValue<double>().ShouldBe(5);
        finding.Properties["inspectedBytes"]!.GetValue<long>().ShouldBe(slow.Content.Length);
        finding.Message.ShouldContain("per-entry time budget");
        finding.Message.ShouldContain("of 2.0 MiB were inspected, so the scan is incomplete");
    }

    [Fact]
    public void A_walk_over_its_time_budget_stops_reading_and_reports_once()
    {
        var files = Enumerable.Range(0, 40).Select(i => TestFile.Text($"f{i:00}.js", $"module.exports = {i};")).ToArray();
        var limits = ArtifactLimits.Default with { MaxScanTime = TimeSpan.FromSeconds(10) };

        var outcome = Walk.Bytes(TestArchive.NpmTarball(files), "many.tgz", limits, clock: new SteppingClock(TimeSpan.FromSeconds(1)));

        outcome.Summary.Incomplete.ShouldBeTrue();
        outcome.Summary.EntryCount.ShouldBeInRange(1, 39);
        outcome.Visitor.Entries.Count.ShouldBeLessThan(files.Length);
        var finding = outcome.Single(ScanRules.Incomplete);
        finding.Properties["budget"]!.GetValue<string>().ShouldBe("scanTime");
        finding.Properties["entries"]!.GetValue<int>().ShouldBe(outcome.Summary.EntryCount);
        finding.Message.ShouldContain("later entries were not inspected");
    }

    [Fact]
    public void A_zero_scan_budget_reads_nothing_and_says_so()
    {
        var outcome = Walk.Bytes(TestArchive.NpmTarball(TestFile.Text("index.js", "x")), "pkg.tgz",
            ArtifactLimits.Default with { MaxScanTime = TimeSpan.Zero });

        outcome.Summary.Incomplete.ShouldBeTrue();
        outcome.Summary.EntryCount.ShouldBe(0);
        outcome.Single(ScanRules.Incomplete).Location.Path.ShouldBe("package/index.js");
    }

    [Fact]
    public void Within_the_default_budgets_a_walk_is_complete()
    {
        var outcome = Walk.Bytes(TestArchive.NpmTarball(new TestFile("big.bin", TwoMegabytes)), "pkg.tgz");

        outcome.Summary.Incomplete.ShouldBeFalse();
        outcome.Of(ScanRules.Incomplete).ShouldBeEmpty();
        outcome.Visitor["package/big.bin"].Content.Length.ShouldBe(TwoMegabytes.Length);
    }

    [Fact]
    public void A_small_entry_read_in_one_chunk_never_meets_the_entry_budget()
    {
        // The budget is judged only while more of the entry waits to be read.
        var outcome = Walk.Bytes(TestArchive.NpmTarball(TestFile.Text("index.js", "module.exports = 1;")), "pkg.tgz",
            ArtifactLimits.Default with { MaxEntryTime = TimeSpan.Zero });

        outcome.Summary.Incomplete.ShouldBeFalse();
        outcome.Visitor["package/index.js"].Truncated.ShouldBe(false);
    }
}
