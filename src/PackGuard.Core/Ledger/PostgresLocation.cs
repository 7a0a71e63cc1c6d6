using System.Globalization;
using Npgsql;

namespace PackGuard.Ledger;

/// <summary>
/// A <c>postgres://user:password@host:port/database?param=value</c> URL (or <c>postgresql://</c>),
/// as libpq writes them, turned into an Npgsql connection string. The query may set
/// <c>sslmode</c>, <c>search_path</c> (the schema that holds the ledger), <c>application_name</c>,
/// <c>connect_timeout</c> and <c>options</c>; anything else is refused by name rather than ignored.
/// </summary>
internal sealed record PostgresLocation(string ConnectionString, string Display)
{
    /// <summary>Whether <paramref name="location"/> is a PostgreSQL URL rather than a file path.</summary>
    public static bool IsUrl(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="LedgerException">The URL is malformed or sets an unknown parameter.</exception>
    public static PostgresLocation Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new LedgerException("the ledger URL is not a valid postgres://user:password@host:port/database URL");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            // One ledger holds one connection for its lifetime; a pool would only keep idle ones open.
            Pooling = false,
            ApplicationName = "packguard",
        };
        var user = "";
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            builder.Username = user;
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
            builder.Database = database;
        // The display form leaves the password out: it goes into messages and logs.
        var display = $"{uri.Scheme}://{(user.Length > 0 ? Uri.EscapeDataString(user) + "@" : "")}{uri.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}{uri.AbsolutePath}";
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            Apply(builder, key, value, display);
        }
        return new PostgresLocation(builder.ConnectionString, display);
    }

    private static void Apply(NpgsqlConnectionStringBuilder builder, string key, string value, string display)
    {
        switch (key)
        {
            case "sslmode":
                builder.SslMode = value.ToLowerInvariant() switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw new LedgerException($"{display}: sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
                };
                break;
            case "search_path":
                builder.SearchPath = value;
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "connect_timeout":
                builder.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 1024
                    ? seconds
                    : throw new LedgerException($"{display}: connect_timeout '{value}' is not a number of seconds (1 to 1024)");
                break;
            case "options":
                builder.Options = value;
                break;
            default:
                throw new LedgerException($"{display}: unknown parameter '{key}' (known: sslmode, search_path, application_name, connect_timeout, options)");
        }
    }
}
