using System.Data.Common;
using Npgsql;

namespace PackGuard.Ledger;

/// <summary>
/// A ledger a team shares: the tables live in the connection's current schema (the first
/// existing schema of its search path), so one database can hold several ledgers side by side.
/// </summary>
internal sealed class PostgresLedgerDatabase : LedgerDatabase
{
    private PostgresLedgerDatabase(NpgsqlConnection connection, string display)
        : base(connection, display)
    {
    }

    public override bool IsPrivate => false;

    /// <summary>Connects to the server that <paramref name="location"/> names.</summary>
    public static PostgresLedgerDatabase Open(PostgresLocation location)
    {
        var connection = new NpgsqlConnection(location.ConnectionString);
        try
        {
            connection.Open();
            var database = new PostgresLedgerDatabase(connection, location.Display);
            if (database.Scalar(null, "SELECT current_schema()") is not string)
                throw new LedgerException($"{location.Display}: no schema of the search path exists to hold the ledger; create one (CREATE SCHEMA ...) or give ?search_path= an existing one.");
            return database;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            connection.Dispose();
            throw new LedgerException($"{location.Display}: cannot open the ledger: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override ISet<string> TableNames(DbTransaction? transaction)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command(transaction, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    public override DbTransaction BeginMigration()
    {
        var transaction = Connection.BeginTransaction();
        // PostgreSQL has no lock on "the schema": a transaction-scoped advisory lock keyed by the
        // schema's name makes concurrent first uses take turns; it is released at commit.
        Execute(transaction, "SELECT pg_advisory_xact_lock(hashtext('packguard-ledger:' || current_schema()))");
        return transaction;
    }

    public override DbTransaction BeginWrite() => Connection.BeginTransaction();
}
