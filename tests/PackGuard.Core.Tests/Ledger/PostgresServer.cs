using Npgsql;
using PackGuard.Ledger;

namespace PackGuard.Tests.Ledger;

/// <summary>
/// The PostgreSQL server the ledger tests use, from <c>PACKGUARD_TEST_POSTGRES</c>
/// (<c>postgres://user:password@host:port/database</c>; .ci/run starts one). Each test gets a
/// schema of its own, dropped afterwards, so tests run side by side on one database.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "PACKGUARD_TEST_POSTGRES";

    public static string? Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? url : null;

    private static bool InCI => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "false" && ci != "0";

    /// <summary>Why PostgreSQL tests are skipped here, or <see langword="null"/> when they run.</summary>
    public static string? SkipReason => Url is null && !InCI ? $"{Variable} is not set: no PostgreSQL server to test the ledger against." : null;

    /// <summary>A new, empty schema; the returned URL points the ledger at it.</summary>
    public static (string Url, string Schema) CreateSchema()
    {
        var url = Url ?? throw new InvalidOperationException($"CI=true but {Variable} is not set: the ledger's PostgreSQL tests must run in CI (.ci/run starts a server).");
        var schema = "pgtest_" + Guid.NewGuid().ToString("N")[..16];
        Admin(url, $"CREATE SCHEMA {schema}");
        return (url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "search_path=" + schema, schema);
    }

    public static void DropSchema(string schema)
    {
        if (Url is { } url)
            Admin(url, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }

    /// <summary>Runs <paramref name="sql"/> on the test database, outside any test schema.</summary>
    public static void Admin(string url, string sql)
    {
        using var connection = new NpgsqlConnection(PostgresLocation.Parse(url).ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
