using System.Data.Common;
using PackGuard.Findings;

namespace PackGuard.Ledger;

/// <summary>
/// <see cref="ILedger"/> over either engine. The SQL is the same for both; <see cref="LedgerDatabase"/>
/// hides the little that differs. Engine errors become <see cref="LedgerException"/>s that name
/// the ledger (never with its password).
/// </summary>
internal sealed class SqlLedger(LedgerDatabase database, TimeProvider clock) : ILedger
{
    private const int TopRuleCount = 10;

    public void Record(LedgerRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Verdict is not (LedgerRun.Pass or LedgerRun.Fail))
            throw new ArgumentException($"verdict '{run.Verdict}' is neither '{LedgerRun.Pass}' nor '{LedgerRun.Fail}'", nameof(run));
        ArgumentException.ThrowIfNullOrEmpty(run.TargetSpec);
        ArgumentNullException.ThrowIfNull(run.Findings);
        Guard(() =>
        {
            using var transaction = database.BeginWrite();
            var id = RunId(run.Id);
            if (database.Scalar(transaction, "SELECT COUNT(*) FROM runs WHERE id = @id", ("@id", id)) is { } existing && Convert.ToInt64(existing, System.Globalization.CultureInfo.InvariantCulture) > 0)
                throw new LedgerException($"{database.Display}: run {id} is already recorded");
            var time = run.Time.ToUnixTimeMilliseconds();
            database.Execute(transaction, """
                INSERT INTO runs (id, time_ms, control, context, target, ecosystem, name, version, sha256, verdict, fail_on, near_miss)
                VALUES (@id, @time, @control, @context, @target, @ecosystem, @name, @version, @sha256, @verdict, @failOn, @nearMiss)
                """,
                ("@id", id), ("@time", time), ("@control", run.Control.ToName()), ("@context", run.Context.ToName()),
                ("@target", run.TargetSpec), ("@ecosystem", run.Ecosystem), ("@name", run.Name), ("@version", run.Version),
                ("@sha256", run.Sha256), ("@verdict", run.Verdict), ("@failOn", run.FailOn), ("@nearMiss", run.IsNearMiss ? 1 : 0));
            for (var i = 0; i < run.Findings.Count; i++)
            {
                var finding = run.Findings[i];
                database.Execute(transaction, """
                    INSERT INTO findings (run_id, ordinal, rule_id, rule_family, severity, fingerprint, secret_fingerprint, path)
                    VALUES (@run, @ordinal, @rule, @family, @severity, @fingerprint, @secret, @path)
                    """,
                    ("@run", id), ("@ordinal", i), ("@rule", finding.RuleId), ("@family", finding.RuleFamily), ("@severity", finding.Severity),
                    ("@fingerprint", finding.Fingerprint), ("@secret", finding.SecretFingerprint), ("@path", finding.Path));
            }
            if (run.IsNearMiss)
                RecordNearMiss(transaction, run, id, time);
            transaction.Commit();
        });
    }

    private void RecordNearMiss(DbTransaction transaction, LedgerRun run, string id, long time)
    {
        foreach (var (family, severity) in NearMissFamilies.Deciding(run))
        {
            database.Execute(transaction, """
                INSERT INTO near_misses (run_id, rule_family, time_ms, control, context, ecosystem, exposure, severity)
                VALUES (@run, @family, @time, @control, @context, @ecosystem, @exposure, @severity)
                """,
                ("@run", id), ("@family", family), ("@time", time), ("@control", run.Control.ToName()), ("@context", run.Context.ToName()),
                ("@ecosystem", run.Ecosystem), ("@exposure", NearMissExposure.Of(family)), ("@severity", severity.ToName()));
        }
        // The first failed sighting of each credential is kept: an earlier one (a run recorded
        // late) replaces a later one, a later one changes nothing.
        foreach (var finding in run.Findings.Where(f => f.SecretFingerprint is not null).DistinctBy(f => f.SecretFingerprint))
        {
            database.Execute(transaction, """
                INSERT INTO credentials (fingerprint, first_run, first_target, first_seen_ms, rule_id)
                VALUES (@fingerprint, @run, @target, @time, @rule)
                ON CONFLICT (fingerprint) DO UPDATE SET first_run = excluded.first_run, first_target = excluded.first_target, first_seen_ms = excluded.first_seen_ms, rule_id = excluded.rule_id
                WHERE excluded.first_seen_ms < credentials.first_seen_ms
                """,
                ("@fingerprint", finding.SecretFingerprint), ("@run", id), ("@target", run.TargetSpec), ("@time", time), ("@rule", finding.RuleId));
        }
    }

    public IReadOnlyList<LeakedCredential> Leaked(IEnumerable<string> secretFingerprints)
    {
        ArgumentNullException.ThrowIfNull(secretFingerprints);
        var wanted = secretFingerprints.Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
            return [];
        return Guard(() =>
        {
            var leaked = new List<LeakedCredential>();
            using var command = database.Command(null, """
                SELECT c.fingerprint, c.first_target, c.first_seen_ms, c.rule_id FROM credentials c
                WHERE c.fingerprint = @fingerprint
                AND NOT EXISTS (SELECT 1 FROM rotations r WHERE r.fingerprint = c.fingerprint AND r.rotated_ms >= c.first_seen_ms)
                """, ("@fingerprint", ""));
            foreach (var fingerprint in wanted)
            {
                command.Parameters[0].Value = fingerprint;
                using var reader = command.ExecuteReader();
                if (reader.Read())
                    leaked.Add(new LeakedCredential(reader.GetString(0), reader.GetString(1), Time(LedgerDatabase.Int64(reader, 2)), reader.GetString(3)));
            }
            return (IReadOnlyList<LeakedCredential>)leaked;
        });
    }

    public void Rotated(string secretFingerprint, string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretFingerprint);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Guard(() =>
        {
            using var transaction = database.BeginWrite();
            var seen = database.Scalar(transaction, """
                SELECT COUNT(*) FROM credentials WHERE fingerprint = @fingerprint
                """, ("@fingerprint", secretFingerprint));
            var seenInFindings = database.Scalar(transaction, """
                SELECT COUNT(*) FROM findings WHERE secret_fingerprint = @fingerprint
                """, ("@fingerprint", secretFingerprint));
            if (Count(seen) + Count(seenInFindings) == 0)
                throw new LedgerException($"{database.Display}: no recorded run found a credential with fingerprint {secretFingerprint}; check the fingerprint (the secretFingerprint property of a secret/* finding)");
            database.Execute(transaction, """
                INSERT INTO rotations (fingerprint, rotated_by, rotated_ms, recorded_ms) VALUES (@fingerprint, @by, @at, @recorded)
                """,
                ("@fingerprint", secretFingerprint), ("@by", by.Trim()), ("@at", at.ToUnixTimeMilliseconds()), ("@recorded", clock.GetUtcNow().ToUnixTimeMilliseconds()));
            transaction.Commit();
        });
    }

    public LedgerStats Stats() => Guard(() => new LedgerStatsQuery(database, TopRuleCount).Run());

    public IReadOnlyList<LedgerRun> List(int limit, bool nearMissesOnly)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Guard(() =>
        {
            var runs = new List<LedgerRun>();
            using (var command = database.Command(null,
                "SELECT id, time_ms, control, context, target, ecosystem, name, version, sha256, verdict, fail_on FROM runs" +
                (nearMissesOnly ? " WHERE near_miss = 1" : "") + " ORDER BY time_ms DESC, id DESC LIMIT @limit", ("@limit", limit)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    runs.Add(new LedgerRun(
                        Guid.Parse(reader.GetString(0)), Time(LedgerDatabase.Int64(reader, 1)),
                        LedgerNames.ParseControl(reader.GetString(2)), LedgerNames.ParseContext(reader.GetString(3)),
                        reader.GetString(4), LedgerDatabase.Text(reader, 5), LedgerDatabase.Text(reader, 6), LedgerDatabase.Text(reader, 7),
                        LedgerDatabase.Text(reader, 8), reader.GetString(9), reader.GetString(10), []));
                }
            }
            using var findings = database.Command(null,
                "SELECT rule_id, severity, fingerprint, secret_fingerprint, path FROM findings WHERE run_id = @run ORDER BY ordinal", ("@run", ""));
            for (var i = 0; i < runs.Count; i++)
            {
                findings.Parameters[0].Value = RunId(runs[i].Id);
                var list = new List<LedgerFinding>();
                using var reader = findings.ExecuteReader();
                while (reader.Read())
                    list.Add(new LedgerFinding(reader.GetString(0), reader.GetString(1), reader.GetString(2), LedgerDatabase.Text(reader, 3), reader.GetString(4)));
                runs[i] = runs[i] with { Findings = list };
            }
            return (IReadOnlyList<LedgerRun>)runs;
        });
    }

    public IReadOnlyList<NearMissRecord> NearMisses() => Guard(() =>
    {
        var records = new List<NearMissRecord>();
        using var command = database.Command(null,
            "SELECT time_ms, control, context, ecosystem, rule_family, exposure, severity FROM near_misses ORDER BY time_ms, run_id, rule_family");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            records.Add(new NearMissRecord(
                Time(LedgerDatabase.Int64(reader, 0)), LedgerNames.ParseControl(reader.GetString(1)), LedgerNames.ParseContext(reader.GetString(2)),
                LedgerDatabase.Text(reader, 3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }
        return (IReadOnlyList<NearMissRecord>)records;
    });

    public void Dispose() => database.Dispose();

    // Lower-case "D" format, so that ids compare and sort the same in both engines.
    private static string RunId(Guid id) => id.ToString("D");

    private static DateTimeOffset Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private static long Count(object? value) => value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw new LedgerException($"{database.Display}: {e.Message.Trim()}", e);
        }
    }
}
