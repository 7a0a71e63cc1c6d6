using System.Diagnostics;
using System.Text;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Engine;

namespace PackGuard.Tests.Inspectors.Secrets;

/// <summary>
/// Every rule against inputs built to hurt it: its own anchor followed by 100,000 characters of
/// its alphabet, and long base64. Patterns run with NonBacktracking, so time is linear; this
/// checks that no rule, window or validator undoes that.
/// </summary>
public sealed class SecretRuleAdversarialTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in SecretCatalog.All)
            data.Add(rule.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_finishes_quickly_on_hostile_input(string ruleId)
    {
        var rule = SecretCatalog.All.Single(r => r.Id == ruleId);
        var engine = SecretEngine.Create([rule]);
        var anchor = rule.Prefixes.FirstOrDefault() ?? rule.Markers.FirstOrDefault() ?? rule.Signatures.FirstOrDefault() ?? rule.Context.FirstOrDefault() ?? "";
        var random = new Random(ruleId.Length);
        var base64 = new byte[75_000];
        random.NextBytes(base64);
        string[] inputs =
        [
            anchor + new string('a', 100_000),
            anchor + new string('0', 100_000),
            anchor + " = \"" + string.Concat(Enumerable.Repeat("aA0-_/+=", 12_500)),
            string.Concat(Enumerable.Repeat(anchor + "=", 20_000)),
            anchor + Convert.ToBase64String(base64) + anchor + Convert.ToBase64String(base64).Replace('+', '-').Replace('/', '_'),
        ];
        var watch = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            var scanner = new SecretTextScanner(engine, new Ignore());
            scanner.Write(Encoding.ASCII.GetBytes(input));
            scanner.Complete();
        }
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), ruleId);
    }

    [Fact]
    public void Every_pattern_compiles_for_the_linear_time_engine()
    {
        // Patterns are compiled on first use in a scan; this compiles them all up front.
        var engine = SecretEngine.Create(SecretCatalog.All);

        engine.Rules.ShouldAllBe(r => r.Regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        engine.Rules.Where(r => r.HasSecretGroup).ShouldAllBe(r => r.Regex.GroupNumberFromName("secret") >= 0);
    }

    private sealed class Ignore : ISecretHitSink
    {
        public void OnHit(in PackGuard.Inspectors.Secrets.Engine.SecretHit hit)
        {
        }
    }
}
