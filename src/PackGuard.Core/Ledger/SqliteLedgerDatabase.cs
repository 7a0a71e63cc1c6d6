using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PackGuard.Ledger;

/// <summary>The default ledger: one SQLite file, created with its directory on first use.</summary>
internal sealed class SqliteLedgerDatabase : LedgerDatabase
{
    private static readonly Lazy<bool> SqliteReady = new(() =>
    {
        SQLitePCL.Batteries.Init();
        return true;
    });

    private SqliteLedgerDatabase(SqliteConnection connection, string path)
        : base(connection, path)
    {
    }

    public override bool IsPrivate => true;

    /// <summary>Opens (creating when missing) the ledger file at <paramref name="path"/>.</summary>
    public static SqliteLedgerDatabase Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new LedgerException($"{full}: a directory, not a ledger file");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException($"{full}: cannot create the ledger's directory: {e.Message}", e);
        }
        _ = SqliteReady.Value;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            Cache = SqliteCacheMode.Private,
            // Several CI jobs on one machine may write at once: wait for the lock instead of failing.
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            return new SqliteLedgerDatabase(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new LedgerException($"{full}: cannot open the ledger: {e.Message}", e);
        }
    }

    public override ISet<string> TableNames(DbTransaction? transaction)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command(transaction, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    // BEGIN IMMEDIATE: the write lock is taken at once, so a second process waits here and then
    // reads the version the first one wrote, instead of both reading 0.
    public override DbTransaction BeginMigration() => ((SqliteConnection)Connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginWrite() => ((SqliteConnection)Connection).BeginTransaction(deferred: false);
}
