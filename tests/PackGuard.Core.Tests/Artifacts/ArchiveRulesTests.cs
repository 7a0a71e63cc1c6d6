using System.Text;
using PackGuard.Artifacts;
using PackGuard.Rules;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Artifacts;

/// <summary>
/// Every archive rule sample is packed into a tarball and walked; the rule must fire (with the
/// sample's severity) exactly when the sample says so.
/// </summary>
public sealed class ArchiveRulesTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in ArchiveRules.All)
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
        var rule = ArchiveRules.All.Single(r => r.Id == ruleId);
        var sample = rule.Samples.Single(s => s.Name == sampleName);

        var outcome = Walk.Bytes(Pack(sample), "sample.tgz", sample.Limits);

        var fired = outcome.Of(ruleId).ToList();
        if (!sample.Fires)
        {
            fired.ShouldBeEmpty();
            return;
        }
        fired.ShouldNotBeEmpty();
        if (sample.Severity is { } severity)
            fired.ShouldContain(f => f.Severity == severity);
        fired.ShouldAllBe(f => f.Title == rule.Title && f.Message.Length > 0 && f.Fix != null);
    }

    [Fact]
    public void Every_rule_has_an_id_in_its_family_text_and_samples_both_ways()
    {
        ArchiveRules.All.Select(r => r.Id).ShouldBe([ArchiveRules.LimitsExceeded, ArchiveRules.UnsafePath, ArchiveRules.Corrupt]);
        foreach (var rule in ArchiveRules.All)
        {
            rule.Family.ShouldBe("archive");
            new[] { rule.Title, rule.Description, rule.WhyItMatters, rule.HowToFix }.ShouldAllBe(t => t.Length > 20 || t == rule.Title);
            rule.Samples.ShouldContain(s => s.Fires);
            rule.Samples.ShouldContain(s => !s.Fires);
            rule.Samples.Select(s => s.Name).ShouldBeUnique();
        }
        new RuleCatalog(ArchiveRules.All).Find(ArchiveRules.UnsafePath).ShouldBe(ArchiveRules.UnsafePathRule);
    }

    private static byte[] Pack(RuleSample sample) =>
        TestArchive.TarGz(sample.Files.Select(f => f.LinkTarget is null
            ? new TestFile(f.Path, Encoding.UTF8.GetBytes(f.Content))
            : TestFile.Symlink(f.Path, f.LinkTarget)));
}
