using PackGuard.Artifacts;
using PackGuard.Rules;

namespace PackGuard.Tests.Artifacts;

/// <summary>The archive rules' catalog entries (their samples run in <c>RuleCatalogTests</c>).</summary>
public sealed class ArchiveRulesTests
{
    [Fact]
    public void Every_rule_has_an_id_in_its_family_text_and_samples_both_ways()
    {
        ArchiveRules.All.Select(r => r.Id).ShouldBe([ArchiveRules.LimitsExceeded, ArchiveRules.UnsafePath, ArchiveRules.Corrupt, ArchiveRules.AmbiguousName]);
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
}
