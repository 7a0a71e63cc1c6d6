using PackGuard.Findings;
using PackGuard.Inspectors.Secrets.Catalog;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Tests.Inspectors.Secrets.Catalog;

public sealed class ConnectionPasswordFilterTests
{
    [Theory]
    [InlineData("postgres", "postgres")]
    [InlineData("app", "password1")]
    [InlineData("root", "admin123")]
    [InlineData("sa", "Passw0rd!")]
    [InlineData("sa", "yourStrong(!)Password")]
    [InlineData("user", "myPassword")]
    [InlineData("user", "123456789")]
    [InlineData("user", "${DB_PASSWORD}")]
    [InlineData("user", "abc")]
    [InlineData("deploy", "deploy2024")]
    public void Defaults_samples_and_templates_are_not_usable(string user, string password)
    {
        ConnectionPasswordFilter.WhyNotUsable(user, password).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("K7hq2mZpW9xv")]
    [InlineData("s3rv1ce-Acc0unt!")]
    public void Random_passwords_are_usable(string password)
    {
        ConnectionPasswordFilter.WhyNotUsable("app", password).ShouldBeNull();
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("db", true)]
    [InlineData("(localdb)\\mssqllocaldb", true)]
    [InlineData("tcp:.,1433", true)]
    [InlineData("api.example.com", true)]
    [InlineData("db.internal.acme.io", false)]
    [InlineData("tcp:acme.database.windows.net,1433", false)]
    [InlineData("cluster0.ab1cd.mongodb.net", false)]
    public void Hosts_on_the_developers_machine_and_examples_are_told_apart(string host, bool local)
    {
        ConnectionPasswordFilter.IsLocalOrExample(host).ShouldBe(local);
    }

    [Fact]
    public void A_database_url_reports_the_user_password_and_host_as_one_credential()
    {
        var password = Random(20, Base62, 1);
        var finding = SecretScan.Single("secret/database-url-password", "package/lib/db.js", $"const url = 'postgres://orders:{password}@db.internal.acme.io:5432/orders';");

        finding.Severity.ShouldBe(Severity.High);
        finding.Message.ShouldNotContain(password);
        finding.Properties["length"]!.GetValue<int>().ShouldBe($"orders:{password}@db.internal.acme.io".Length);
    }

    [Fact]
    public void A_connection_string_in_app_settings_is_medium()
    {
        var text = $"{{ \"ConnectionStrings\": {{ \"Default\": \"Server=sql01.acme.io;Database=hr;User Id=hr_app;Password={Random(16, Base62, 2)};\" }} }}";

        SecretScan.Single("secret/connection-string-password", "package/appsettings.json", text).Severity.ShouldBe(Severity.Medium);
    }
}
