using System.Text;
using PackGuard.Ledger;
using PackGuard.Ledger.Export;

namespace PackGuard.Tests.Ledger;

/// <summary>
/// What every ledger engine must do. <see cref="SqliteLedgerTests"/> and
/// <see cref="PostgresLedgerTests"/> run these same tests, each on a store of its own.
/// </summary>
public abstract class LedgerContractTests : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 17, 14, 5, 9, 123, TimeSpan.Zero);

    internal ManualClock Clock { get; } = new(Start);

    /// <summary>Where this test's ledger lives (empty until first opened).</summary>
    protected abstract string Location { get; }

    /// <summary>Runs raw SQL on this test's store (to set up what the ledger must cope with, or look behind it) and returns the first value.</summary>
    protected abstract object? Sql(string sql);

    protected long SqlNumber(string sql) => Convert.ToInt64(Sql(sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A run without its findings, to compare the rest by value.</summary>
    protected static LedgerRun Header(LedgerRun run) => run with { Findings = Array.Empty<LedgerFinding>() };

    protected ILedger Open() => LedgerStore.Open(Location, Clock);

    [LedgerFact]
    public void Runs_are_listed_newest_first_with_their_findings()
    {
        using var ledger = Open();
        var first = Run("npm:left-pad@1.3.0", Start, "pass", Finding("install/npm-script", "info"));
        var second = Run("nuget:Contoso.Core@2.0.0", Start.AddMinutes(1), "fail",
            Finding("source-map/embedded-sources", "critical", path: "package/cli.js.map"), Finding("file/log", "low"));
        ledger.Record(first);
        ledger.Record(second);

        var runs = ledger.List(10, nearMissesOnly: false);

        runs.Select(r => r.Id).ShouldBe([second.Id, first.Id]);
        Header(runs[0]).ShouldBe(Header(second));
        runs[0].Findings.ShouldBe(second.Findings);
        runs[1].Findings.ShouldBe(first.Findings);
        ledger.List(1, nearMissesOnly: false).Single().Id.ShouldBe(second.Id);
        ledger.List(10, nearMissesOnly: true).Select(r => r.Id).ShouldBe([second.Id]);
    }

    [LedgerFact]
    public void What_is_recorded_survives_closing_the_ledger()
    {
        var run = Run("npm:kept@1.0.0", Start, "fail", Finding("secret/github-pat", "critical", secret: "f00d"));
        using (var ledger = Open())
            ledger.Record(run);

        using var reopened = Open();

        var listed = reopened.List(5, nearMissesOnly: false).ShouldHaveSingleItem();
        Header(listed).ShouldBe(Header(run));
        listed.Findings.ShouldBe(run.Findings);
        reopened.Leaked(["f00d"]).Single().FirstSeenTarget.ShouldBe("npm:kept@1.0.0");
    }

    [LedgerFact]
    public void A_near_miss_is_recorded_for_a_failed_verdict_only()
    {
        using var ledger = Open();
        ledger.Record(Run("npm:quiet@1.0.0", Start, "pass", Finding("source-map/paths-only", "low")));
        ledger.NearMisses().ShouldBeEmpty();

        ledger.Record(Run("npm:loud@1.0.0", Start.AddHours(1), "fail",
            Finding("source-map/embedded-sources", "critical"), Finding("secret/npm-token", "high", secret: "aa11"), Finding("file/log", "low")) with { Context = LedgerContext.PublishHook });

        var nearMisses = ledger.NearMisses();
        // file/log (low) did not decide a verdict that fails on high: only the deciding families count.
        nearMisses.Select(n => (n.RuleFamily, n.Exposure, n.Severity)).ShouldBe([("secret", "credentials", "high"), ("source-map", "source code", "critical")]);
        nearMisses.ShouldAllBe(n => n.Control == LedgerControl.Scan && n.Context == LedgerContext.PublishHook && n.Ecosystem == "npm" && n.Time == Start.AddHours(1));
    }

    [LedgerFact]
    public void Stats_count_runs_and_near_misses_by_control_context_ecosystem_family_and_rule()
    {
        using var ledger = Open();
        ledger.Record(Run("npm:a@1.0.0", Start, "fail", Finding("secret/npm-token", "high", secret: "s1"), Finding("file/log", "low")));
        ledger.Record(Run("npm:b@1.0.0", Start.AddMinutes(1), "pass", Finding("file/log", "low")) with { Context = LedgerContext.CI });
        ledger.Record(Run("./lockfile", Start.AddMinutes(2), "fail", Finding("dependency/typosquat", "high")) with { Control = LedgerControl.Deps, Ecosystem = null, Context = LedgerContext.CI });
        ledger.Record(Run("npm:c@2.0.0", Start.AddMinutes(3), "pass") with { Control = LedgerControl.Gate, Ecosystem = "pypi" });

        var stats = ledger.Stats();

        stats.Runs.ShouldBe(4);
        stats.NearMisses.ShouldBe(2);
        stats.FirstRun.ShouldBe(Start);
        stats.LastRun.ShouldBe(Start.AddMinutes(3));
        // Most near misses first, then most runs.
        stats.ByControl.ShouldBe([new("scan", 2, 1), new("deps", 1, 1), new("gate", 1, 0)]);
        stats.ByContext.ShouldBe([new("ci", 2, 1), new("local", 2, 1)]);
        stats.ByEcosystem.ShouldBe([new("npm", 2, 1), new("unknown", 1, 1), new("pypi", 1, 0)]);
        stats.ByRuleFamily.ShouldBe([new("dependency", 1, 1), new("secret", 1, 1), new("file", 2, 0)]);
        stats.TopRules.ShouldBe([new("file/log", 2, 1), new("dependency/typosquat", 1, 1), new("secret/npm-token", 1, 1)]);
        stats.CredentialsLeaked.ShouldBe(1);
        stats.CredentialsRotated.ShouldBe(0);
    }

    [LedgerFact]
    public void An_empty_ledger_has_empty_stats()
    {
        using var ledger = Open();

        var stats = ledger.Stats();

        stats.Runs.ShouldBe(0);
        stats.NearMisses.ShouldBe(0);
        stats.FirstRun.ShouldBeNull();
        stats.ByControl.ShouldBeEmpty();
        stats.TopRules.ShouldBeEmpty();
        ledger.List(10, false).ShouldBeEmpty();
    }

    [LedgerFact]
    public void A_credential_leaked_in_one_package_is_found_in_another_until_it_is_rotated()
    {
        using var ledger = Open();
        var leakedAt = Start;
        ledger.Record(Run("npm:first-package@1.0.0", leakedAt, "fail", Finding("secret/aws-access-key", "critical", secret: "c0ffee")));

        // A later scan of a different package holds the same credential: it was never rotated.
        Clock.Advance(TimeSpan.FromDays(3));
        var leaked = ledger.Leaked(["c0ffee", "unrelated"]);
        leaked.ShouldBe([new LeakedCredential("c0ffee", "npm:first-package@1.0.0", leakedAt, "secret/aws-access-key")]);
        ledger.Record(Run("nuget:Second.Package@4.0.0", Clock.GetUtcNow(), "fail", Finding("secret/aws-access-key", "critical", secret: "c0ffee")));
        ledger.Leaked(["c0ffee"]).Single().FirstSeenTarget.ShouldBe("npm:first-package@1.0.0");

        Clock.Advance(TimeSpan.FromHours(2));
        ledger.Rotated("c0ffee", "alice", Clock.GetUtcNow());

        ledger.Leaked(["c0ffee"]).ShouldBeEmpty();
        ledger.Stats().CredentialsRotated.ShouldBe(1);
    }

    [LedgerFact]
    public void A_credential_seen_only_in_passing_runs_is_not_remembered_as_leaked()
    {
        using var ledger = Open();
        ledger.Record(Run("npm:tests@1.0.0", Start, "pass", Finding("secret/stripe-test-secret-key", "low", secret: "7e57")));

        ledger.Leaked(["7e57"]).ShouldBeEmpty();
        // It was seen, so a rotation can still be recorded.
        ledger.Rotated("7e57", "bob", Start.AddDays(1));
    }

    [LedgerFact]
    public void A_rotation_recorded_before_a_leak_does_not_clear_it()
    {
        using var ledger = Open();
        ledger.Record(Run("npm:a@1.0.0", Start, "pass", Finding("secret/npm-token", "low", secret: "beef")));
        ledger.Rotated("beef", "carol", Start.AddMinutes(1));

        ledger.Record(Run("npm:b@1.0.0", Start.AddDays(1), "fail", Finding("secret/npm-token", "high", secret: "beef")));

        ledger.Leaked(["beef"]).Single().FirstSeen.ShouldBe(Start.AddDays(1));
    }

    [LedgerFact]
    public void The_earliest_failed_sighting_is_kept_even_when_recorded_late()
    {
        using var ledger = Open();
        ledger.Record(Run("npm:late@1.0.0", Start.AddDays(2), "fail", Finding("secret/npm-token", "high", secret: "abcd")));
        ledger.Record(Run("npm:early@1.0.0", Start, "fail", Finding("secret/npm-token", "high", secret: "abcd")));
        ledger.Record(Run("npm:later@1.0.0", Start.AddDays(5), "fail", Finding("secret/npm-token", "high", secret: "abcd")));

        ledger.Leaked(["abcd"]).Single().ShouldBe(new LeakedCredential("abcd", "npm:early@1.0.0", Start, "secret/npm-token"));
    }

    [LedgerFact]
    public void Rotating_a_fingerprint_the_ledger_never_saw_is_an_error()
    {
        using var ledger = Open();
        ledger.Record(Run("npm:a@1.0.0", Start, "fail", Finding("secret/npm-token", "high", secret: "known")));

        Should.Throw<LedgerException>(() => ledger.Rotated("never-seen", "dave", Start)).Message.ShouldContain("never-seen");
        ledger.Stats().CredentialsRotated.ShouldBe(0);
    }

    [LedgerFact]
    public void A_run_is_recorded_once()
    {
        using var ledger = Open();
        var run = Run("npm:a@1.0.0", Start, "pass");
        ledger.Record(run);

        Should.Throw<LedgerException>(() => ledger.Record(run with { Verdict = "fail" })).Message.ShouldContain("already recorded");
        ledger.Stats().ShouldSatisfyAllConditions(s => s.Runs.ShouldBe(1), s => s.NearMisses.ShouldBe(0));
    }

    [LedgerFact]
    public void A_verdict_other_than_pass_or_fail_is_refused()
    {
        using var ledger = Open();

        Should.Throw<ArgumentException>(() => ledger.Record(Run("npm:a@1.0.0", Start, "blocked")));
        ledger.Stats().Runs.ShouldBe(0);
    }

    [LedgerFact]
    public void A_new_store_is_migrated_to_the_current_schema_once()
    {
        using (Open())
        {
        }
        Clock.Advance(TimeSpan.FromDays(1));
        using (var again = Open())
            again.Stats().Runs.ShouldBe(0);

        // One row per step, stamped when it was applied: the second open applied nothing.
        SqlNumber("SELECT COUNT(*) FROM schema_version WHERE component = 'ledger'").ShouldBe(LedgerSchema.Current);
        SqlNumber("SELECT MAX(version) FROM schema_version WHERE component = 'ledger'").ShouldBe(LedgerSchema.Current);
        SqlNumber("SELECT MAX(applied_ms) FROM schema_version").ShouldBe(Start.ToUnixTimeMilliseconds());
        foreach (var table in new[] { "runs", "findings", "near_misses", "credentials", "rotations" })
            SqlNumber($"SELECT COUNT(*) FROM {table}").ShouldBe(0);
    }

    [LedgerFact]
    public void A_ledger_written_by_a_newer_PackGuard_is_refused()
    {
        using (Open())
        {
        }
        Sql($"INSERT INTO schema_version (component, version, applied_ms) VALUES ('ledger', {LedgerSchema.Current + 1}, 0)");

        var error = Should.Throw<LedgerException>(() => Open());

        error.Message.ShouldContain("newer PackGuard");
        error.Message.ShouldContain($"schema {LedgerSchema.Current + 1}");
    }

    [LedgerFact]
    public void Processes_opening_a_new_ledger_at_once_migrate_it_once()
    {
        var opened = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            using var ledger = Open();
            ledger.Record(Run($"npm:p{i}@1.0.0", Start.AddSeconds(i), "fail", Finding("file/env-file", "high")));
        })).ToArray();

        Task.WaitAll(opened);

        using var check = Open();
        check.Stats().Runs.ShouldBe(4);
        check.NearMisses().Count.ShouldBe(4);
    }

    [LedgerFact]
    public void The_anonymized_export_of_a_ledger_holds_no_name_version_path_host_user_or_fingerprint()
    {
        using var ledger = Open();
        string[] secrets =
        [
            "contoso-internal-billing", "7.3.1-rc.2", "package/dist/payroll-engine.js.map", "build-07.corp.contoso.internal",
            "jdoe", "/home/jdoe/work", "9f86d081884c7d659a2feaa0c55ad015", "a1b2c3d4e5f60718293a4b5c6d7e8f90", "3f2a9c1b7e",
        ];
        for (var i = 0; i < 12; i++)
        {
            var target = i % 2 == 0 ? $"npm:{secrets[0]}@{secrets[1]}" : $"/home/jdoe/work/{secrets[0]}-{secrets[1]}.tgz";
            ledger.Record(new LedgerRun(Guid.NewGuid(), Start.AddHours(i), LedgerControl.Scan, LedgerContext.CI, target, "npm", secrets[0], secrets[1],
                secrets[8] + i, "fail", "high",
                [
                    new LedgerFinding("secret/npm-token", "critical", secrets[7], secrets[6], secrets[2]),
                    new LedgerFinding("exposure/internal-host", "high", secrets[7] + "x", null, $"package/{secrets[3]}/{secrets[4]}.js"),
                ]));
        }
        ledger.Record(Run("npm:rare@1.0.0", Start, "fail", Finding("gate/new-publisher", "high")));

        var export = new NearMissExport(ledger.NearMisses(), Clock);
        using var json = new MemoryStream();
        using var stix = new MemoryStream();
        export.WriteJson(json);
        export.WriteStix(stix);

        foreach (var bytes in new[] { json.ToArray(), stix.ToArray() })
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var secret in secrets.Append("rare").Append("1.0.0"))
                text.ShouldNotContain(secret, Case.Insensitive);
            text.ShouldNotContain(":05:09", Case.Sensitive, "no time of day of a run");
            text.ShouldNotContain("2026-03-17", Case.Sensitive, "no day of a run");
            text.ShouldNotContain("2026-03-18", Case.Sensitive, "no day of a run");
        }
        export.Buckets.ShouldBe(
        [
            new NearMissBucket("2026-03", "scan", "ci", "npm", "exposure", "internal names", 12),
            new NearMissBucket("2026-03", "scan", "ci", "npm", "secret", "credentials", 12),
        ]);
    }

    internal static LedgerRun Run(string target, DateTimeOffset time, string verdict, params LedgerFinding[] findings) =>
        new(Guid.NewGuid(), time, LedgerControl.Scan, LedgerContext.Local, target, "npm", "name", "1.0.0", "ab12", verdict, "high", findings);

    internal static LedgerFinding Finding(string rule, string severity, string? secret = null, string path = "package/index.js") =>
        new(rule, severity, $"fp-{rule}-{path}", secret, path);

    public abstract void Dispose();
}
