using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Connection strings and URLs that carry a password: databases, brokers, JDBC, ADO.NET and ODBC,
/// file and directory servers, basic auth. The credential is the user, password and server
/// together; default passwords, placeholders and servers on the developer's own machine are
/// dropped by <see cref="ConnectionPasswordFilter"/>.
/// </summary>
internal static class DatabaseSecrets
{
    // user:password@host, in a URL; characters that end a value in code and markup are excluded.
    private const string Authority = @"(?<secret>[^:@\s/'""`<>{}()\[\]\\]*:[^@\s/'""`<>{}\\]+@[A-Za-z0-9.\-_]+)";

    public static IReadOnlyList<SecretRule> Rules { get; } =
    [
        new()
        {
            Id = "secret/database-url-password",
            Name = "Database URL with a password",
            Description = "A database or message-broker URL (postgres, mysql, mongodb+srv, redis, amqp, mssql, clickhouse, neo4j, couchdb) with a user and password in it. The password is the secret; the host says where it works.",
            Markers = ["://"],
            Pattern = @"(?i)\A[\s\S]{0,16}?\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|neo4j(?:\+s)?|couchdbs?)://" + Authority,
            LookBehind = 16,
            Validator = ConnectionPasswordFilter.Url,
            DiscardInvalid = true,
            Rotate = "Change the database user's password (ALTER USER / the provider's console), check the server's connection logs, and pass connection strings through the environment or a secret store.",
            Positives =
            [
                Join("DATABASE_URL=postgres://app:", Random(20, Base62, 701), "@db.internal.acme.io:5432/app"),
                Join("const uri = \"mongodb+srv://svc-orders:", Random(16, Base62, 702), "@cluster0.ab1cd.mongodb.net/orders?retryWrites=true\";"),
                Join("REDIS_URL=rediss://:", Random(32, Hex, 703), "@redis-12345.c1.us-east-1.ec2.cloud.redislabs.com:12345"),
            ],
            Negatives =
            [
                "postgres://user@db.internal.acme.com/app",
                "postgres://${DB_USER}:${DB_PASSWORD}@localhost/app",
                "mysql://root:xxxxxxxx@localhost/test",
                "postgres://postgres:postgres@db.internal.acme.io:5432/app",
                "mongodb://admin:admin123@mongo.acme.io:27017",
                Join("postgres://app:", Random(20, Base62, 704), "@localhost:5432/app"),
                Join("postgres://app:", Random(20, Base62, 705), "@db:5432/app"),
                "mongodb+srv://<username>:<password>@cluster0.mongodb.net/test",
                "postgresql://myuser:mypassword@example.com:5432/mydb",
            ],
        },
        new()
        {
            Id = "secret/jdbc-url-password",
            Name = "JDBC URL with a password",
            Description = "A JDBC connection URL carrying a password in its properties (password= or pwd=). It logs in to the database as that user.",
            Markers = ["password=", ";pwd="],
            LookBehind = 200,
            Pattern = @"(?i)\A[\s\S]*?(?<secret>jdbc:[a-z0-9]+(?::[a-z0-9]+)?://[^\s'""`<>]*?[?&;](?:password|pwd)=[^&;\s'""`<>]+)",
            MaxLength = 140,
            Validator = ConnectionPasswordFilter.Jdbc,
            DiscardInvalid = true,
            Rotate = "Change the database user's password, check the server's connection logs, and read the JDBC URL or its password from the environment or a secret store.",
            Positives =
            [
                Join("spring.datasource.url=jdbc:mysql://mysql.prod.acme.io:3306/shop?user=shop&password=", Random(18, Base62, 711), "&useSSL=true"),
                Join("String url = \"jdbc:sqlserver://sql01.acme.io:1433;databaseName=ledger;user=ledger_app;password=", Random(16, Base62, 712), ";\";"),
            ],
            Negatives =
            [
                "jdbc:mysql://localhost:3306/test?user=root&password=root",
                "jdbc:postgresql://db.acme.io:5432/app?user=app&password=${DB_PASSWORD}",
                Join("jdbc:mysql://127.0.0.1:3306/shop?user=shop&password=", Random(18, Base62, 714)),
                Join("jdbc:oracle:thin:billing/", Random(14, Base62, 713), "@//ora.acme.io:1521/BILL"),
                "jdbc:postgresql://db.acme.io:5432/app?user=app",
            ],
        },
        new()
        {
            Id = "secret/connection-string-password",
            Name = "Connection string with a password",
            Description = "An ADO.NET or ODBC connection string (Server=…;User Id=…;Password=… or Pwd=…) with a password in it. It logs in to the database as that user.",
            Markers = ["password=", ";pwd="],
            LookBehind = 240,
            Pattern = @"(?i)\A[\s\S]*?(?<secret>\b(?:server|data source|datasource|host|hostname|address|addr|network address)[ \t]*=[^;'""`<>\r\n]+;[^'""`<>\r\n]*?\b(?:password|pwd)[ \t]*=[ \t]*[^;'""`<>\s]+)",
            MaxLength = 140,
            Validator = ConnectionPasswordFilter.ConnectionString,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            Rotate = "Change the database user's password, check the server's logs, and keep the connection string in configuration that is not published (user secrets, environment variables, a key vault).",
            Positives =
            [
                Join("\"DefaultConnection\": \"Server=tcp:acme-prod.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=", Random(18, Base64, 721), ";Encrypt=True;\""),
                Join("Driver={ODBC Driver 18 for SQL Server};Server=sql01.acme.io;Database=hr;Uid=hr_app;Pwd=", Random(16, Base62, 722), ";"),
            ],
            Negatives =
            [
                "Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;",
                "Server=(localdb)\\mssqllocaldb;Database=app;User Id=sa;Password=Passw0rd!;",
                Join("Data Source=localhost;Initial Catalog=app;User ID=app;Password=", Random(18, Base62, 723), ";"),
                "Server=sql01.acme.io;Database=hr;Integrated Security=true;",
                "const password = getPassword(); // Server=sql01.acme.io; uses Windows auth",
                Join("Server=sql01.acme.io;Database=hr;Uid=hr_app;Pwd=\n", Random(16, Base62, 724)),
            ],
        },
        new()
        {
            Id = "secret/service-url-password",
            Name = "File, directory or mail server URL with a password",
            Description = "An ftp, sftp, ldap, smtp or imap URL with a user and password in it (ftp://user:password@host). It logs in to that server as the user: files, directory entries or a mailbox.",
            Markers = ["://"],
            Pattern = @"(?i)\A[\s\S]{0,8}?\b(?:s?ftps?|ldaps?|smtps?|imaps?|pop3s?)://" + Authority,
            LookBehind = 8,
            Validator = ConnectionPasswordFilter.Url,
            DiscardInvalid = true,
            Rotate = "Change the account's password on that server, review its access logs, and read the URL or password from the environment at run time.",
            Positives =
            [
                Join("transport = nodemailer.createTransport('smtps://alerts%40acme.io:", Random(16, Base62, 731), "@smtp.gmail.com:465');"),
                Join("FTP_URL=ftp://deploy:", Random(14, Base62, 732), "@ftp.acme.io/releases"),
                Join("sftp://deploy:", Random(20, Base62, 733), "@files.acme.io:22/upload"),
            ],
            Negatives =
            [
                "ftp://anonymous:anonymous@ftp.gnu.org/gnu",
                "smtp://user:pass@smtp.example.com:587",
                Join("sftp://deploy:", Random(14, Base62, 734), "@localhost:2222"),
                "https://ftp.acme.io/files",
            ],
        },
        new()
        {
            Id = "secret/http-url-password",
            Name = "HTTP URL with a user and password",
            Description = "An http or https URL with basic-auth credentials in it (https://user:password@host): a proxy, registry, API or admin interface that accepts them.",
            Markers = ["://"],
            Pattern = @"(?i)\A[\s\S]{0,8}?\bhttps?://" + Authority,
            LookBehind = 8,
            Validator = ConnectionPasswordFilter.Url,
            DiscardInvalid = true,
            Confidence = Confidence.Medium,
            Rotate = "Change the account's password (or revoke the token used as one) on that service, and pass credentials through the environment or a credential helper instead of the URL.",
            Positives =
            [
                Join("proxy: 'http://build:", Random(16, Base62, 741), "@proxy.corp.acme.io:3128'"),
                Join("registry=https://ci-publisher:", Random(24, Base62, 742), "@npm.acme.io/repository/npm/"),
            ],
            Negatives =
            [
                "http://user:password@proxy.example.com:8080",
                "https://username:password@registry.npmjs.org/",
                "const url = `https://${user}:${pass}@${host}`;",
                "https://github.com/acme/app.git",
                Join("http://admin:", Random(16, Base62, 743), "@localhost:15672/api"),
                "http://localhost:8080/a:b@c",
            ],
        },
    ];
}
