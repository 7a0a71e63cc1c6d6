using PackGuard.Sources;

namespace PackGuard.Ledger;

/// <summary>Opens ledgers: the SQLite file in the data directory by default, or a PostgreSQL server a team shares.</summary>
public static class LedgerStore
{
    /// <summary>The default ledger's file name, beside the advisory store.</summary>
    public const string FileName = "ledger.db";

    /// <summary>
    /// <c>ledger.db</c> in the data directory (<see cref="DataDirectory"/>): <c>PACKGUARD_DATA_DIR</c>,
    /// else <c>$XDG_DATA_HOME/packguard</c>, else <c>~/.local/share/packguard</c>.
    /// </summary>
    public static string DefaultSqlitePath(SourceEnvironment env) => Path.Combine(DataDirectory.Resolve(env), FileName);

    /// <summary>
    /// Opens the ledger at <paramref name="location"/>, creating and migrating it as needed:
    /// <c>postgres://user:password@host:port/database</c> (or <c>postgresql://</c>, with optional
    /// <c>?search_path=schema&amp;sslmode=...</c>) for PostgreSQL, anything else an SQLite file path.
    /// <paramref name="clock"/> stamps schema migrations and rotations' recording times.
    /// </summary>
    /// <exception cref="LedgerException">It cannot be opened, is not a ledger, or was written by a newer PackGuard.</exception>
    public static ILedger Open(string location, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        ArgumentNullException.ThrowIfNull(clock);
        LedgerDatabase database = PostgresLocation.IsUrl(location)
            ? PostgresLedgerDatabase.Open(PostgresLocation.Parse(location))
            : SqliteLedgerDatabase.Open(location);
        try
        {
            try
            {
                LedgerSchema.Migrate(database, clock);
            }
            catch (System.Data.Common.DbException e)
            {
                throw new LedgerException($"{database.Display}: cannot prepare the ledger: {e.Message}", e);
            }
            return new SqlLedger(database, clock);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }
}
