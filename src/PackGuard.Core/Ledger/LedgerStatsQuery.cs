namespace PackGuard.Ledger;

/// <summary>The counting queries behind <see cref="ILedger.Stats"/>, each grouped in SQL so that a long ledger is never read row by row.</summary>
internal sealed class LedgerStatsQuery(LedgerDatabase database, int topRules)
{
    public LedgerStats Run()
    {
        long runs = 0, nearMisses = 0;
        DateTimeOffset? first = null, last = null;
        using (var command = database.Command(null, "SELECT COUNT(*), SUM(near_miss), MIN(time_ms), MAX(time_ms) FROM runs"))
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                runs = LedgerDatabase.Int64(reader, 0);
                nearMisses = LedgerDatabase.Int64(reader, 1);
                if (!reader.IsDBNull(2))
                {
                    first = DateTimeOffset.FromUnixTimeMilliseconds(LedgerDatabase.Int64(reader, 2));
                    last = DateTimeOffset.FromUnixTimeMilliseconds(LedgerDatabase.Int64(reader, 3));
                }
            }
        }
        var byFamily = Grouped("SELECT rule_family, COUNT(DISTINCT run_id), 0 FROM findings GROUP BY rule_family");
        foreach (var decided in Grouped("SELECT rule_family, 0, COUNT(*) FROM near_misses GROUP BY rule_family"))
        {
            var index = byFamily.FindIndex(c => c.Key == decided.Key);
            if (index < 0)
                byFamily.Add(decided);
            else
                byFamily[index] = byFamily[index] with { NearMisses = decided.NearMisses };
        }
        var rules = Grouped("""
            SELECT f.rule_id, COUNT(DISTINCT f.run_id), COUNT(DISTINCT CASE WHEN r.near_miss = 1 THEN f.run_id END)
            FROM findings f JOIN runs r ON r.id = f.run_id GROUP BY f.rule_id
            """);
        return new LedgerStats(
            (int)runs,
            (int)nearMisses,
            Ordered(Grouped("SELECT control, COUNT(*), SUM(near_miss) FROM runs GROUP BY control")),
            Ordered(Grouped("SELECT context, COUNT(*), SUM(near_miss) FROM runs GROUP BY context")),
            Ordered(Grouped("SELECT COALESCE(ecosystem, 'unknown'), COUNT(*), SUM(near_miss) FROM runs GROUP BY COALESCE(ecosystem, 'unknown')")),
            Ordered(byFamily),
            [.. Ordered(rules).Take(topRules)],
            (int)Scalar("SELECT COUNT(*) FROM credentials"),
            (int)Scalar("""
                SELECT COUNT(*) FROM credentials c
                WHERE EXISTS (SELECT 1 FROM rotations r WHERE r.fingerprint = c.fingerprint AND r.rotated_ms >= c.first_seen_ms)
                """),
            first,
            last);
    }

    // Most near misses first, then most runs, then by name: the order people read a breakdown in.
    private static List<LedgerCount> Ordered(IEnumerable<LedgerCount> counts) =>
        [.. counts.OrderByDescending(c => c.NearMisses).ThenByDescending(c => c.Runs).ThenBy(c => c.Key, StringComparer.Ordinal)];

    private List<LedgerCount> Grouped(string sql)
    {
        var counts = new List<LedgerCount>();
        using var command = database.Command(null, sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            counts.Add(new LedgerCount(reader.GetString(0), (int)LedgerDatabase.Int64(reader, 1), (int)LedgerDatabase.Int64(reader, 2)));
        return counts;
    }

    private long Scalar(string sql)
    {
        var value = database.Scalar(null, sql);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
