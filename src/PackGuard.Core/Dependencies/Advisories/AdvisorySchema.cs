using Microsoft.Data.Sqlite;

namespace PackGuard.Dependencies.Advisories;

/// <summary>
/// The store's tables and how an older store is brought up to date. <c>schema_version</c> holds
/// one row, the number of migration steps applied; each step runs once, in order, in one
/// transaction with the update of that number. A store whose number is higher than
/// <see cref="Current"/> was written by a newer PackGuard and is not touched.
/// </summary>
internal static class AdvisorySchema
{
    /// <summary>The steps, in order. Never edit a released step: add one.</summary>
    private static readonly string[] Steps =
    [
        // 1: records and the packages they affect. Dates are UTC ticks, so that they compare as numbers.
        """
        CREATE TABLE advisories (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            summary TEXT NOT NULL,
            details TEXT NOT NULL,
            aliases TEXT NOT NULL,
            malicious INTEGER NOT NULL,
            published INTEGER,
            modified INTEGER,
            withdrawn INTEGER,
            content_hash TEXT NOT NULL,
            source TEXT NOT NULL,
            file TEXT NOT NULL
        );
        CREATE TABLE affected (
            advisory INTEGER NOT NULL,
            ecosystem TEXT NOT NULL,
            name_key TEXT NOT NULL,
            name TEXT NOT NULL,
            every_version INTEGER NOT NULL,
            ranges TEXT NOT NULL,
            versions TEXT NOT NULL,
            canonical_versions TEXT NOT NULL,
            description TEXT NOT NULL
        );
        CREATE INDEX affected_package ON affected (ecosystem, name_key);
        CREATE INDEX affected_advisory ON affected (advisory);
        """,
        // 2: a log of imports, for `advisories status`.
        """
        CREATE TABLE imports (
            rowid INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            source TEXT NOT NULL,
            read INTEGER NOT NULL,
            imported INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            withdrawn INTEGER NOT NULL,
            bad_files INTEGER NOT NULL
        );
        """,
    ];

    /// <summary>The schema version this PackGuard writes.</summary>
    public static int Current => Steps.Length;

    /// <summary>Brings the store on <paramref name="connection"/> up to <paramref name="target"/> steps (all of them by default).</summary>
    /// <exception cref="AdvisoryStoreException">The file is not an advisory store, or a newer one.</exception>
    public static void Migrate(SqliteConnection connection, string path, int? target = null)
    {
        var version = Version(connection, path);
        var last = target ?? Current;
        if (version > Current)
            throw new AdvisoryStoreException($"{path}: written by a newer PackGuard (advisory store schema {version}; this one reads up to {Current}). Upgrade PackGuard, or import into another store with --store.");
        if (version >= last)
            return;
        using var transaction = connection.BeginTransaction();
        if (version == 0)
            Execute(connection, transaction, "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (0);");
        for (var step = version; step < last; step++)
            Execute(connection, transaction, Steps[step]);
        Execute(connection, transaction, $"UPDATE schema_version SET version = {last};");
        transaction.Commit();
    }

    /// <summary>The steps applied to the store: 0 for an empty database.</summary>
    private static int Version(SqliteConnection connection, string path)
    {
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
                names.Add(reader.GetString(0));
        }
        if (names.Count == 0)
            return 0;
        if (!names.Contains("schema_version"))
            throw new AdvisoryStoreException($"{path}: an SQLite database that is not a PackGuard advisory store; give another file with --store.");
        using var version = connection.CreateCommand();
        version.CommandText = "SELECT version FROM schema_version";
        return version.ExecuteScalar() is long v ? (int)v : throw new AdvisoryStoreException($"{path}: the advisory store has no schema version; give another file with --store.");
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
