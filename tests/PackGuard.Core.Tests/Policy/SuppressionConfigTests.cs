using PackGuard.Policy;
using PackGuard.Rules;
using PackGuard.Tests.Support;

namespace PackGuard.Tests.Policy;

/// <summary>Every way the excludes and suppressions of a policy file can be wrong, each with its exact message.</summary>
public sealed class SuppressionConfigTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 4, 1);
    private readonly TestSandbox _box = new();

    public void Dispose() => _box.Dispose();

    private PolicyConfig Load(string json)
    {
        var path = _box.Write("packguard.json", json);
        return PolicyConfigLoader.Load(path, RuleCatalog.Default, Today);
    }

    private const string Approval = "\"reason\": \"r\", \"approvedBy\": \"ann\", \"expires\": \"2026-05-01\"";

    [Theory]
    [InlineData("{ \"suppressions\": {} }", "suppressions must be a JSON array")]
    [InlineData("{ \"suppressions\": [ 7 ] }", "suppressions[0] must be a JSON object")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", \"approvedBy\": \"ann\", \"expires\": \"2026-05-01\" } ] }", "suppressions[0].reason is missing; every suppression needs a reason, approvedBy and expires")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", \"reason\": \"r\", \"expires\": \"2026-05-01\" } ] }", "suppressions[0].approvedBy is missing; every suppression needs a reason, approvedBy and expires")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", \"reason\": \"r\", \"approvedBy\": \"ann\" } ] }", "suppressions[0].expires is missing; every suppression needs a reason, approvedBy and expires")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", " + Approval + " }, { \"fingerprint\": \"abc\", \"reason\": \"  \", \"approvedBy\": \"ann\", \"expires\": \"2026-05-01\" } ] }", "suppressions[1].reason must be a non-empty string")]
    [InlineData("{ \"suppressions\": [ { \"fingerprint\": \"abc\", \"reason\": \"r\", \"approvedBy\": 5, \"expires\": \"2026-05-01\" } ] }", "suppressions[0].approvedBy must be a non-empty string")]
    [InlineData("{ \"suppressions\": [ { \"fingerprint\": \"abc\", \"rule\": \"source-map/paths-only\", " + Approval + " } ] }", "suppressions[0] names both fingerprint and rule; name one of them")]
    [InlineData("{ \"suppressions\": [ { " + Approval + " } ] }", "suppressions[0] names neither fingerprint nor rule; name one of them")]
    [InlineData("{ \"suppressions\": [ { \"path\": \"dist/**\", " + Approval + " } ] }", "suppressions[0] names neither fingerprint nor rule; name one of them")]
    [InlineData("{ \"suppressions\": [ { \"fingerprint\": \"abc\", \"path\": \"dist/**\", " + Approval + " } ] }", "suppressions[0].path goes with rule, not fingerprint (a fingerprint already names one finding)")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/no-such-rule\", " + Approval + " } ] }", "suppressions[0].rule: unknown rule \"source-map/no-such-rule\" (see `packguard rules list`)")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", \"path\": \"dist\\\\**\", " + Approval + " } ] }", "suppressions[0].path: \"dist\\**\" contains a backslash; paths in reports use /")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", \"reason\": \"r\", \"approvedBy\": \"ann\", \"expires\": \"31/12/2026\" } ] }", "suppressions[0].expires must be a date written yyyy-mm-dd, such as \"2026-12-31\"")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", \"reason\": \"r\", \"approvedBy\": \"ann\", \"expires\": \"2026-07-01\" } ] }", "suppressions[0].expires 2026-07-01 is more than 90 days ahead (the latest allowed today is 2026-06-30; see suppressionMaxDays)")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", \"reason\": \"r\", \"approvedBy\": \"ann\", \"expires\": \"2026-04-12\" } ], \"suppressionMaxDays\": 10 }", "suppressions[0].expires 2026-04-12 is more than 10 days ahead (the latest allowed today is 2026-04-11; see suppressionMaxDays)")]
    [InlineData("{ \"suppressions\": [ { \"rule\": \"source-map/paths-only\", \"owner\": \"x\", " + Approval + " } ] }", "unknown key \"owner\" in suppressions[0] (expected fingerprint, rule, path, reason, approvedBy, expires)")]
    [InlineData("{ \"suppressionMaxDays\": 0 }", "suppressionMaxDays must be a whole number from 1 to 3650")]
    [InlineData("{ \"suppressionMaxDays\": 30.5 }", "suppressionMaxDays must be a whole number from 1 to 3650")]
    [InlineData("{ \"suppressionMaxDays\": \"90\" }", "suppressionMaxDays must be a whole number from 1 to 3650")]
    [InlineData("{ \"excludes\": \"dist/**\" }", "excludes must be a JSON array")]
    [InlineData("{ \"excludes\": [ 1 ] }", "excludes must hold strings")]
    [InlineData("{ \"excludes\": [ \"\" ] }", "excludes: \"\" is empty")]
    [InlineData("{ \"exclude\": [] }", "unknown key \"exclude\" (expected failOn, limits, rules, gate, exposure, deps, excludes, suppressionMaxDays, suppressions, ledger)")]
    public void A_wrong_entry_is_a_configuration_error_naming_it(string json, string problem)
    {
        var error = Should.Throw<ConfigurationException>(() => Load(json));

        error.Message.ShouldBe($"config file {Path.Combine(_box.Root, "packguard.json")}: {problem}");
    }

    [Fact]
    public void Too_many_excludes_are_refused()
    {
        var patterns = string.Join(", ", Enumerable.Range(0, PolicyConfigLoader.MaxExcludes + 1).Select(i => $"\"p{i}/**\""));

        Should.Throw<ConfigurationException>(() => Load($"{{ \"excludes\": [{patterns}] }}"))
            .Message.ShouldEndWith($"excludes holds {PolicyConfigLoader.MaxExcludes + 1} patterns; at most {PolicyConfigLoader.MaxExcludes} are allowed");
    }

    [Fact]
    public void Valid_entries_load_with_their_index_and_an_expired_one_is_allowed()
    {
        var config = Load("""
            {
              // suppressionMaxDays after the suppressions it bounds still applies to them
              "suppressions": [
                { "fingerprint": " abc ", "reason": "test key", "approvedBy": "ann", "expires": "2026-01-31" },
                { "rule": "source-map/paths-only", "path": "dist/**", "reason": "paths only", "approvedBy": "bob", "expires": "2026-04-30", },
              ],
              "suppressionMaxDays": 30,
              "excludes": ["**/fixtures/**", "**/fixtures/**"],
            }
            """);

        config.SuppressionMaxDays.ShouldBe(30);
        config.Suppressions.Count.ShouldBe(2);
        config.Suppressions[0].ShouldBe(new Suppression(0, "abc", null, null, "test key", "ann", new DateOnly(2026, 1, 31)));
        config.Suppressions[0].IsExpired(Today).ShouldBeTrue();
        config.Suppressions[1].Index.ShouldBe(1);
        config.Suppressions[1].Path!.Pattern.ShouldBe("dist/**");
        config.Suppressions[1].IsExpired(Today).ShouldBeFalse();
        config.Suppressions[1].IsExpired(new DateOnly(2026, 4, 30)).ShouldBeFalse("it suppresses through its expiry day");
        config.Suppressions[1].IsExpired(new DateOnly(2026, 5, 1)).ShouldBeTrue();
        config.Excludes.Select(e => e.Pattern).ShouldBe(["**/fixtures/**"]);
    }
}
