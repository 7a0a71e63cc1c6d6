using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>Connection strings and URLs that carry a password: databases, brokers, basic auth.</summary>
internal static class DatabaseSecrets
{
    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/database-url-password",
            Name = "Database URL with a password",
            Description = "A database or message-broker URL (postgres, mysql, mongodb+srv, redis, amqp, mssql) with a user and password in it. The password is the secret; the host says where it works.",
            Markers = ["://"],
            Pattern = @"(?i)\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)://[^:@\s/'""`]{1,64}:(?<secret>[^@\s/'""`]{3,128})@[A-Za-z0-9.\-_]{2,253}",
            LookBehind = 16,
            MinEntropy = 2.5,
            Rotate = "Change the database user's password (ALTER USER / the provider's console), check the server's connection logs, and pass connection strings through the environment or a secret store.",
            Positives = [Join("DATABASE_URL=postgres://app:", Random(20, Base62, 701), "@db.internal.acme.com:5432/app")],
            Negatives = ["postgres://user@db.internal.acme.com/app", "postgres://${DB_USER}:${DB_PASSWORD}@localhost/app", "mysql://root:xxxxxxxx@localhost/test"],
        },
    ];
}
