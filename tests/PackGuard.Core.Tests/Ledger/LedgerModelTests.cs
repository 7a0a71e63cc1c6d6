using System.Text.Json.Nodes;
using PackGuard.Findings;
using PackGuard.Ledger;
using PackGuard.Rules;
using PackGuard.Sources;

namespace PackGuard.Tests.Ledger;

public sealed class LedgerModelTests
{
    [Theory]
    [InlineData(null, null, LedgerContext.Local)]
    [InlineData("true", null, LedgerContext.CI)]
    [InlineData("1", null, LedgerContext.CI)]
    [InlineData("false", null, LedgerContext.Local)]
    [InlineData("0", null, LedgerContext.Local)]
    [InlineData(null, "prepublishOnly", LedgerContext.PublishHook)]
    [InlineData("true", "prepack", LedgerContext.PublishHook)]
    [InlineData(null, "prepublish", LedgerContext.PublishHook)]
    [InlineData(null, "prepare", LedgerContext.Local)]
    [InlineData("true", "test", LedgerContext.CI)]
    public void The_context_comes_from_CI_and_the_npm_lifecycle_event(string? ci, string? lifecycle, LedgerContext expected)
    {
        var variables = new Dictionary<string, string?> { ["CI"] = ci, ["npm_lifecycle_event"] = lifecycle };

        LedgerContexts.Detect(name => variables.GetValueOrDefault(name)).ShouldBe(expected);
    }

    [Fact]
    public void A_secret_finding_keeps_its_keyed_fingerprint_and_nothing_of_the_secret()
    {
        var finding = new Finding("secret/github-pat", Severity.Critical, "GitHub token", "GitHub token ghp_abc… in package/.env line 3.",
            new FindingLocation("package/.env", 3, 1, null), "finding-fp",
            new JsonObject { ["secretFingerprint"] = "0123456789abcdef0123456789abcdef", ["preview"] = "ghp_abc…", ["length"] = 40 });

        LedgerFinding.From(finding).ShouldBe(new LedgerFinding("secret/github-pat", "critical", "finding-fp", "0123456789abcdef0123456789abcdef", "package/.env"));
    }

    [Fact]
    public void Other_findings_carry_no_secret_fingerprint_even_with_a_property_of_that_name()
    {
        var finding = new Finding("file/env-file", Severity.High, "Env file", "m", new FindingLocation("package/.env", null, null, null), "fp",
            new JsonObject { ["secretFingerprint"] = "not-a-secret-rule" });

        LedgerFinding.From(finding).SecretFingerprint.ShouldBeNull();
        LedgerFinding.From(finding).RuleFamily.ShouldBe("file");
    }

    [Fact]
    public void A_secret_a_gate_reports_as_new_keeps_its_fingerprint_and_a_new_finding_of_another_rule_does_not()
    {
        var secret = new Finding("diff/new-finding", Severity.Critical, "New finding", "m", new FindingLocation("package/.env", 3, 1, null), "fp",
            new JsonObject { ["ruleId"] = "secret/github-pat", ["secretFingerprint"] = "0123456789abcdef0123456789abcdef" });
        var other = new Finding("diff/new-finding", Severity.High, "New finding", "m", new FindingLocation("package/.env", null, null, null), "fp2",
            new JsonObject { ["ruleId"] = "file/env-file", ["secretFingerprint"] = "not-a-secret-rule" });

        LedgerFinding.From(secret).SecretFingerprint.ShouldBe("0123456789abcdef0123456789abcdef");
        LedgerFinding.From(other).SecretFingerprint.ShouldBeNull();
    }

    [Fact]
    public void Every_rule_family_in_the_catalog_says_what_it_would_expose()
    {
        var families = RuleCatalog.Default.All.Select(r => r.Id.Split('/')[0]).Distinct();

        families.ShouldAllBe(f => NearMissExposure.IsKnownFamily(f));
        NearMissExposure.Of("credential").ShouldBe("credentials");
        NearMissExposure.Of("made-up").ShouldBe(NearMissExposure.Other);
    }

    [Fact]
    public void The_default_ledger_lives_beside_the_advisory_store()
    {
        var environment = new SourceEnvironment("/work", "/home/u", name => name == "XDG_DATA_HOME" ? "/data" : null);

        LedgerStore.DefaultSqlitePath(environment).ShouldBe(Path.Combine("/data", "packguard", "ledger.db"));
        Path.GetDirectoryName(LedgerStore.DefaultSqlitePath(environment)).ShouldBe(Path.GetDirectoryName(PackGuard.Dependencies.Advisories.AdvisoryStore.DefaultPath(environment)));
        LedgerStore.DefaultSqlitePath(new SourceEnvironment("/work", "/home/u", name => name == "PACKGUARD_DATA_DIR" ? "state" : null))
            .ShouldBe(Path.Combine("/work", "state", "ledger.db"));
        LedgerStore.DefaultSqlitePath(new SourceEnvironment("/work", "/home/u", _ => null))
            .ShouldBe(Path.Combine("/home/u", ".local", "share", "packguard", "ledger.db"));
    }

    [Fact]
    public void Near_misses_count_the_families_that_decided_the_verdict()
    {
        var run = LedgerContractTests.Run("npm:a@1.0.0", DateTimeOffset.UnixEpoch, "fail",
            LedgerContractTests.Finding("file/log", "low"), LedgerContractTests.Finding("secret/x", "medium"), LedgerContractTests.Finding("secret/y", "critical"));

        NearMissFamilies.Deciding(run).ShouldBe([("secret", Severity.Critical)]);
        NearMissFamilies.Deciding(run with { FailOn = "none" }).ShouldBe([("file", Severity.Low), ("secret", Severity.Critical)]);
        NearMissFamilies.Deciding(run with { Findings = [] }).ShouldBe([("other", Severity.Info)]);
    }
}
