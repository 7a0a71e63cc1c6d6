using PackGuard.Inspectors.Files;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Tests.Inspectors.Files;

public sealed class EnvFilesTests
{
    [Fact]
    public void Counts_assignments_and_names_the_keys_that_hold_credentials()
    {
        var text = Join("# production\nexport API_KEY=", Random(32, Base62, 21), "\nPORT=3000\nEMPTY=\nSTRIPE_SECRET=\"", Random(24, Base62, 22), "\"\n");

        var env = EnvFiles.Read(text);

        env.Assignments.ShouldBe(4);
        env.Values.ShouldBe(3);
        env.CredentialKeys.ShouldBe(["API_KEY", "STRIPE_SECRET"]);
    }

    [Theory]
    [InlineData("API_KEY=${API_KEY}")]
    [InlineData("API_KEY=$API_KEY")]
    [InlineData("API_KEY=<your-api-key>")]
    [InlineData("API_KEY=xxxxxxxxxxxxxxxx")]
    [InlineData("DB_PASSWORD=postgres")]
    [InlineData("DB_PASSWORD=changeme")]
    [InlineData("NEXT_PUBLIC_API_KEY=pk_9f8e7d6c5b4a39281706")]
    [InlineData("AUTH_DOMAIN=acme-prod.auth0.com")]
    [InlineData("SSL_KEY_PATH=/etc/ssl/private/server.key")]
    [InlineData("TOKEN_URL=https://auth.acme.io/oauth/token")]
    [InlineData("TOKEN_TTL=3600")]
    [InlineData("DATABASE_URL=postgres://app:S3cretPassw0rd@localhost:5432/app")]
    [InlineData("DATABASE_URL=postgres://app:S3cretPassw0rd@db:5432/app")]
    [InlineData("Use the token = from the dashboard")]
    public void Settings_placeholders_references_and_local_databases_are_not_credentials(string line) =>
        EnvFiles.Read(line + "\n").CredentialKeys.ShouldBeEmpty();

    [Theory]
    [InlineData("DATABASE_URL=postgres://app:S3cretPassw0rd@db.acme-prod.io:5432/app", "DATABASE_URL")]
    [InlineData("REDIS=redis://:kT9vQ2mZ8xLp@cache.acme.io:6379", "REDIS")]
    [InlineData("GITHUB_TOKEN=abcd1234efgh5678ijkl", "GITHUB_TOKEN")]
    [InlineData("app.secret=Zq8vN3kP1rT6wY2m", "app.secret")]
    [InlineData("SESSION_PASSWORD='hunter2-but-longer'", "SESSION_PASSWORD")]
    public void Real_looking_values_of_credential_keys_are_credentials(string line, string key) =>
        EnvFiles.Read(line + "\n").CredentialKeys.ShouldBe([key]);
}
