using Npgsql;
using PackGuard.Ledger;

namespace PackGuard.Tests.Ledger;

public sealed class PostgresLocationTests
{
    [Theory]
    [InlineData("postgres://u@h/db", true)]
    [InlineData("PostgreSQL://u@h/db", true)]
    [InlineData("/var/lib/ledger.db", false)]
    [InlineData("postgres.db", false)]
    public void Urls_and_paths_are_told_apart(string location, bool url) => PostgresLocation.IsUrl(location).ShouldBe(url);

    [Fact]
    public void A_full_url_becomes_a_connection_string_and_a_display_without_the_password()
    {
        var location = PostgresLocation.Parse("postgresql://ci%20user:p%40ss%3Aword@db.example.net:6543/ledger%2Dprod?sslmode=require&search_path=team_a&connect_timeout=7&application_name=pg+gate");

        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        builder.Host.ShouldBe("db.example.net");
        builder.Port.ShouldBe(6543);
        builder.Username.ShouldBe("ci user");
        builder.Password.ShouldBe("p@ss:word");
        builder.Database.ShouldBe("ledger-prod");
        builder.SslMode.ShouldBe(SslMode.Require);
        builder.SearchPath.ShouldBe("team_a");
        builder.Timeout.ShouldBe(7);
        builder.ApplicationName.ShouldBe("pg gate");
        builder.Pooling.ShouldBeFalse();
        location.Display.ShouldBe("postgresql://ci%20user@db.example.net:6543/ledger-prod");
        location.Display.ShouldNotContain("p@ss");
    }

    [Fact]
    public void The_port_defaults_to_5432()
    {
        new NpgsqlConnectionStringBuilder(PostgresLocation.Parse("postgres://u:pw@localhost/db").ConnectionString).Port.ShouldBe(5432);
    }

    [Theory]
    [InlineData("postgres://u:pw@h/db?sslmod=require", "unknown parameter 'sslmod'")]
    [InlineData("postgres://u:pw@h/db?sslmode=sometimes", "sslmode 'sometimes'")]
    [InlineData("postgres://u:pw@h/db?connect_timeout=soon", "connect_timeout 'soon'")]
    [InlineData("postgres:///db", "not a valid")]
    public void A_bad_url_is_an_error_that_names_the_problem_and_not_the_password(string url, string expected)
    {
        var error = Should.Throw<LedgerException>(() => PostgresLocation.Parse(url));

        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain(":pw@");
    }

    [Fact]
    public void An_unreachable_server_is_a_ledger_error()
    {
        // Port 1 on the loopback refuses at once.
        var error = Should.Throw<LedgerException>(() => LedgerStore.Open("postgres://u:secretpw@127.0.0.1:1/db?connect_timeout=2", TimeProvider.System));

        error.Message.ShouldContain("postgres://u@127.0.0.1:1/db");
        error.Message.ShouldNotContain("secretpw");
    }
}
