using System.Data;
using System.Data.Common;
using System.Globalization;

namespace PackGuard.Ledger;

/// <summary>
/// One open connection to a ledger and the little that differs between the engines: how the
/// tables are listed and how migrations are serialised. Everything else is plain SQL with
/// <c>@name</c> parameters that SQLite and PostgreSQL read alike.
/// </summary>
internal abstract class LedgerDatabase : IDisposable
{
    protected LedgerDatabase(DbConnection connection, string display)
    {
        Connection = connection;
        Display = display;
    }

    /// <summary>The open connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The ledger's location for messages: a file path, or a URL without its password.</summary>
    public string Display { get; }

    /// <summary>Whether the store belongs to the ledger alone (an SQLite file), so any other table means it is not a ledger.</summary>
    public abstract bool IsPrivate { get; }

    /// <summary>The tables of the ledger's schema (the file, or the connection's current PostgreSQL schema).</summary>
    public abstract ISet<string> TableNames(DbTransaction? transaction);

    /// <summary>A transaction that holds the store's write lock from its first statement, so that concurrent first uses migrate once.</summary>
    public abstract DbTransaction BeginMigration();

    /// <summary>A transaction for one write.</summary>
    public abstract DbTransaction BeginWrite();

    public DbCommand Command(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            // A typed null: PostgreSQL cannot infer the type of an untyped one in every position.
            parameter.DbType = value switch
            {
                null or string => DbType.String,
                int => DbType.Int32,
                long => DbType.Int64,
                _ => throw new ArgumentException($"unsupported parameter type {value.GetType()}", nameof(parameters)),
            };
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public int Execute(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>An integer column as <see cref="long"/>: SQLite reads every integer as 64 bits, PostgreSQL by the column's type.</summary>
    public static long Int64(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public virtual void Dispose() => Connection.Dispose();
}
