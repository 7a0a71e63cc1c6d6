using System.Data.Common;
using System.Globalization;

namespace PackGuard.Ledger;

/// <summary>
/// The ledger's tables, one schema for SQLite and PostgreSQL (only types both understand the same
/// way: TEXT, INTEGER, BIGINT; times are UTC Unix milliseconds). <c>schema_version</c> holds one
/// row per migration step applied, under the component name <c>ledger</c> (so that another
/// PackGuard store, or another application's table of that name, is told apart). Steps run in
/// order, in one transaction taken under the engine's write lock, so that two processes opening a
/// new ledger at once apply them once. A ledger whose version is above <see cref="Current"/> was
/// written by a newer PackGuard and is refused.
/// </summary>
internal static class LedgerSchema
{
    internal const string Component = "ledger";

    /// <summary>The tables a ledger holds (besides <c>schema_version</c>).</summary>
    internal static readonly string[] Tables = ["runs", "findings", "near_misses", "credentials", "rotations"];

    /// <summary>The steps, in order. Never edit a released step: add one.</summary>
    private static readonly string[] Steps =
    [
        // 1: runs and their findings; near misses (one per failed run and deciding rule family);
        // credentials first seen in a failed run; rotations recorded by people.
        """
        CREATE TABLE runs (
            id TEXT NOT NULL PRIMARY KEY,
            time_ms BIGINT NOT NULL,
            control TEXT NOT NULL,
            context TEXT NOT NULL,
            target TEXT NOT NULL,
            ecosystem TEXT,
            name TEXT,
            version TEXT,
            sha256 TEXT,
            verdict TEXT NOT NULL,
            fail_on TEXT NOT NULL,
            near_miss INTEGER NOT NULL
        );
        CREATE INDEX runs_time ON runs (time_ms);
        CREATE TABLE findings (
            run_id TEXT NOT NULL REFERENCES runs (id),
            ordinal INTEGER NOT NULL,
            rule_id TEXT NOT NULL,
            rule_family TEXT NOT NULL,
            severity TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            secret_fingerprint TEXT,
            path TEXT NOT NULL,
            PRIMARY KEY (run_id, ordinal)
        );
        CREATE INDEX findings_secret ON findings (secret_fingerprint);
        CREATE INDEX findings_rule ON findings (rule_id);
        CREATE TABLE near_misses (
            run_id TEXT NOT NULL REFERENCES runs (id),
            rule_family TEXT NOT NULL,
            time_ms BIGINT NOT NULL,
            control TEXT NOT NULL,
            context TEXT NOT NULL,
            ecosystem TEXT,
            exposure TEXT NOT NULL,
            severity TEXT NOT NULL,
            PRIMARY KEY (run_id, rule_family)
        );
        CREATE TABLE credentials (
            fingerprint TEXT NOT NULL PRIMARY KEY,
            first_run TEXT NOT NULL REFERENCES runs (id),
            first_target TEXT NOT NULL,
            first_seen_ms BIGINT NOT NULL,
            rule_id TEXT NOT NULL
        );
        CREATE TABLE rotations (
            fingerprint TEXT NOT NULL,
            rotated_by TEXT NOT NULL,
            rotated_ms BIGINT NOT NULL,
            recorded_ms BIGINT NOT NULL
        );
        CREATE INDEX rotations_fingerprint ON rotations (fingerprint);
        """,
    ];

    /// <summary>The schema version this PackGuard writes.</summary>
    public static int Current => Steps.Length;

    /// <summary>Brings the ledger up to <paramref name="target"/> steps (all of them by default).</summary>
    /// <exception cref="LedgerException">Not a ledger, a newer one, or the store refused.</exception>
    public static void Migrate(LedgerDatabase database, TimeProvider clock, int? target = null)
    {
        var last = target ?? Current;
        // Most opens find the ledger current: check without taking the write lock first.
        if (Refuse(database, Version(database, null)) >= last)
            return;
        using var transaction = database.BeginMigration();
        var version = Version(database, transaction);
        Refuse(database, version);
        if (version >= last)
            return;
        if (!database.TableNames(transaction).Contains("schema_version"))
            database.Execute(transaction, "CREATE TABLE schema_version (component TEXT NOT NULL, version INTEGER NOT NULL, applied_ms BIGINT NOT NULL, PRIMARY KEY (component, version))");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        for (var step = version; step < last; step++)
        {
            database.Execute(transaction, Steps[step]);
            database.Execute(transaction,
                "INSERT INTO schema_version (component, version, applied_ms) VALUES (@component, @version, @applied)",
                ("@component", Component), ("@version", step + 1), ("@applied", now));
        }
        transaction.Commit();
    }

    private static int Refuse(LedgerDatabase database, int version) =>
        version > Current
            ? throw new LedgerException($"{database.Display}: written by a newer PackGuard (ledger schema {version.ToString(CultureInfo.InvariantCulture)}; this one knows up to {Current.ToString(CultureInfo.InvariantCulture)}). Upgrade PackGuard, or give another ledger with --ledger.")
            : version;

    /// <summary>The steps applied: 0 for a store with no ledger yet.</summary>
    internal static int Version(LedgerDatabase database, DbTransaction? transaction)
    {
        var tables = database.TableNames(transaction);
        if (!tables.Contains("schema_version"))
        {
            var foreign = database.IsPrivate ? tables : tables.Intersect(Tables);
            if (foreign.Any())
                throw new LedgerException($"{database.Display}: holds tables that are not a PackGuard ledger ({string.Join(", ", foreign.Order(StringComparer.Ordinal))}); give another {(database.IsPrivate ? "file" : "database or schema")} with --ledger.");
            return 0;
        }
        try
        {
            var value = database.Scalar(transaction, "SELECT MAX(version) FROM schema_version WHERE component = @component", ("@component", Component));
            var version = value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
            if (version == 0 && tables.Intersect(Tables).Any())
                throw new LedgerException($"{database.Display}: holds ledger tables without a ledger schema version; give another {(database.IsPrivate ? "file" : "database or schema")} with --ledger.");
            return version;
        }
        catch (DbException e)
        {
            throw new LedgerException($"{database.Display}: its schema_version table is not a PackGuard ledger's ({e.Message.Trim()}); give another {(database.IsPrivate ? "file" : "database or schema")} with --ledger.", e);
        }
    }
}
