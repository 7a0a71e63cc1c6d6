using System.Text;
using PackGuard.Findings;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Catalog;

public sealed class JwtRuleTests
{
    private static readonly ISecretValidator Filter = new JwtCredentialFilter(new JwtValidator(new FixedClock(new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero))));

    private static string Segment(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Jwt(string claims, string alg = "HS256") =>
        $"{Segment($$"""{"alg":"{{alg}}","typ":"JWT"}""")}.{Segment(claims)}.{Segment("a signature of thirty-two bytes!")}";

    [Fact]
    public void A_long_lived_service_token_is_valid()
    {
        Filter.Validate(Jwt("""{"iss":"billing","sub":"svc-reports","role":"service_role","iat":1735689600}""")).Outcome.ShouldBe(ValidationOutcome.Valid);
    }

    [Fact]
    public void An_expired_token_is_not_a_validated_credential_but_says_it_expired()
    {
        var result = Filter.Validate(Jwt("""{"sub":"42","iat":1600000000,"exp":1600003600}"""));

        result.Outcome.ShouldBe(ValidationOutcome.NotChecked);
        result.Detail.ShouldBe("JWT, HS256, expired 2020-09-13");
    }

    [Theory]
    [InlineData("""{"sub":"1234567890","name":"John Doe","iat":1516239022}""")]
    [InlineData("""{"email":"jane@example.com","iat":1516239022}""")]
    [InlineData("""{"iss":"https://auth.example.com","sub":"u-1"}""")]
    public void Example_claims_make_a_token_an_example(string claims)
    {
        var result = Filter.Validate(Jwt(claims));

        result.Outcome.ShouldBe(ValidationOutcome.NotChecked);
        result.Detail!.ShouldEndWith("with example claims");
    }

    [Fact]
    public void A_public_anon_key_is_not_a_secret()
    {
        Filter.Validate(Jwt("""{"iss":"supabase","ref":"abcdefghijklmnopqrst","role":"anon","iat":1700000000,"exp":2015576000}""")).Outcome.ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Unsigned_and_malformed_tokens_are_not_credentials()
    {
        Filter.Validate(Jwt("""{"sub":"42"}""", alg: "none")).Outcome.ShouldBe(ValidationOutcome.NotChecked);
        Filter.Validate($"{Segment("""{"alg":"HS256"}""")}.{Segment("not json")}.{Segment("signature bytes")}").Outcome.ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Severity_follows_the_claims_and_the_path()
    {
        var live = Jwt("""{"iss":"billing","sub":"svc-reports","role":"service_role","iat":1735689600}""");
        var expired = Jwt("""{"sub":"42","iat":1600000000,"exp":1600003600}""");

        SecretScan.Single("secret/jwt", "package/dist/index.js", $"const token = '{live}';").Severity.ShouldBe(Severity.Critical);
        SecretScan.Single("secret/jwt", "package/test/auth.test.js", $"const token = '{live}';").Severity.ShouldBe(Severity.Low);
        SecretScan.Single("secret/jwt", "package/dist/index.js", $"const token = '{expired}';").Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public void A_bearer_jwt_is_reported_once_as_a_jwt()
    {
        var expired = Jwt("""{"sub":"42","iat":1600000000,"exp":1600003600}""");

        var findings = SecretScan.Findings("package/dist/client.js", $"headers: {{ Authorization: 'Bearer {expired}' }}");

        findings.ShouldHaveSingleItem().RuleId.ShouldBe("secret/jwt");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
