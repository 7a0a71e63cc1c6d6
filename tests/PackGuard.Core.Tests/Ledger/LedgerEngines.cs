using Microsoft.Data.Sqlite;
using Npgsql;
using PackGuard.Ledger;

namespace PackGuard.Tests.Ledger;

/// <summary>The ledger contract on the default engine: an SQLite file in a temporary directory.</summary>
public sealed class SqliteLedgerTests : LedgerContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("packguard-ledger-").FullName;

    protected override string Location => Path.Combine(_directory, "nested", "ledger.db");

    protected override object? Sql(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void A_file_of_another_kind_is_refused_and_left_alone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Location)!);
        Sql("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');");

        var error = Should.Throw<LedgerException>(() => Open());

        error.Message.ShouldContain("not a PackGuard ledger");
        error.Message.ShouldContain("notes");
    }

    [Fact]
    public void An_advisory_store_is_not_mistaken_for_a_ledger()
    {
        // advisories.db lives beside ledger.db and has a schema_version table of its own shape.
        Directory.CreateDirectory(Path.GetDirectoryName(Location)!);
        Sql("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (2); CREATE TABLE advisories (id TEXT);");

        Should.Throw<LedgerException>(() => Open()).Message.ShouldContain("not a PackGuard ledger");
    }

    [Fact]
    public void A_directory_is_not_a_ledger_file()
    {
        Directory.CreateDirectory(Location);

        Should.Throw<LedgerException>(() => Open()).Message.ShouldContain("a directory");
    }

    public override void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same contract on a real PostgreSQL server, each test in a schema of its own.</summary>
public sealed class PostgresLedgerTests : LedgerContractTests, IPostgresTests
{
    private readonly string _url;
    private readonly string _schema;

    public PostgresLedgerTests() => (_url, _schema) = PostgresServer.CreateSchema();

    protected override string Location => _url;

    protected override object? Sql(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresLocation.Parse(_url).ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [LedgerFact]
    public void Tables_of_another_application_named_like_the_ledger_are_refused()
    {
        Sql("CREATE TABLE runs (id INTEGER)");

        Should.Throw<LedgerException>(() => Open()).Message.ShouldContain("runs");
    }

    [LedgerFact]
    public void A_schema_that_does_not_exist_is_named_in_the_error()
    {
        var missing = _url.Replace(_schema, _schema + "_missing", StringComparison.Ordinal);

        Should.Throw<LedgerException>(() => LedgerStore.Open(missing, Clock)).Message.ShouldContain("no schema");
    }

    [LedgerFact]
    public void Errors_never_show_the_password()
    {
        var uri = new Uri(_url);
        var password = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2) is [_, var p] ? p : "");
        var wrong = _url.Replace("/" + uri.AbsolutePath.Trim('/') + "?", "/packguard_no_such_database?", StringComparison.Ordinal);

        var error = Should.Throw<LedgerException>(() => LedgerStore.Open(wrong, Clock));

        if (password.Length > 0)
            error.Message.ShouldNotContain(password);
        error.Message.ShouldContain("packguard_no_such_database");
    }

    public override void Dispose()
    {
        PostgresServer.DropSchema(_schema);
        GC.SuppressFinalize(this);
    }
}
