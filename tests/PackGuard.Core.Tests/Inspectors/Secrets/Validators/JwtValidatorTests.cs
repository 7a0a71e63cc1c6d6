using System.Security.Cryptography;
using System.Text;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class JwtValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly ISecretValidator Validator = new JwtValidator(new FixedClock(Now));

    private static string Segment(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Jwt(string header, string payload, bool signed = true) =>
        $"{Segment(header)}.{Segment(payload)}.{(signed ? Base64Url(RandomNumberGenerator.GetBytes(32)) : "")}";

    [Fact]
    public void A_signed_token_is_valid_and_names_its_algorithm()
    {
        string token = Jwt("""{"alg":"HS256","typ":"JWT"}""", """{"sub":"1234567890","name":"someone","iat":1516239022}""");

        Validator.Checked(token).ShouldBe(ValidationOutcome.Valid).Detail.ShouldBe("JWT, HS256");
    }

    [Fact]
    public void An_expired_token_is_weakened_and_says_when_it_expired()
    {
        long exp = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        string token = Jwt("""{"alg":"RS256"}""", $$"""{"exp":{{exp}}}""");

        Validation result = Validator.Checked(token).ShouldBe(ValidationOutcome.Valid);
        result.Detail.ShouldBe("JWT, RS256, expired 2024-03-01");
        result.Weakened.ShouldBeTrue();
    }

    [Fact]
    public void A_token_that_expires_later_is_not_weakened()
    {
        long exp = Now.AddDays(1).ToUnixTimeSeconds();
        Validation result = Validator.Checked(Jwt("""{"alg":"ES256"}""", $$"""{"exp":{{exp}}}""")).ShouldBe(ValidationOutcome.Valid);

        result.Weakened.ShouldBeFalse();
        result.Detail.ShouldBe("JWT, ES256");
    }

    [Fact]
    public void The_system_clock_is_the_default()
    {
        // Expired in 1970 by any clock.
        Validation result = JwtValidator.Instance.Checked(Jwt("""{"alg":"HS256"}""", """{"exp":1}"""));
        result.Weakened.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"exp":1e300}""", false)]
    [InlineData("""{"exp":-1e300}""", true)]
    [InlineData("""{"exp":"tomorrow"}""", false)]
    public void Odd_expiry_values_do_not_break_it(string payload, bool weakened)
    {
        Validator.Checked(Jwt("""{"alg":"HS256"}""", payload)).ShouldBe(ValidationOutcome.Valid).Weakened.ShouldBe(weakened);
    }

    [Fact]
    public void An_unsigned_token_says_so()
    {
        Validator.Checked(Jwt("""{"alg":"none"}""", """{"sub":"x"}""", signed: false))
            .ShouldBe(ValidationOutcome.Valid).Detail.ShouldBe("JWT, unsigned (alg none)");
    }

    [Fact]
    public void A_signed_algorithm_without_a_signature_is_invalid()
    {
        Validator.Checked(Jwt("""{"alg":"HS256"}""", """{"sub":"x"}""", signed: false)).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void An_unknown_algorithm_is_not_echoed()
    {
        string alg = "X-" + new string('q', 40);
        Validation result = Validator.Checked(Jwt($$"""{"alg":"{{alg}}"}""", "{}")).ShouldBe(ValidationOutcome.Valid);

        result.Detail.ShouldBe("JWT, unrecognised algorithm");
    }

    [Theory]
    [InlineData("""{"typ":"JWT"}""", "{}")]
    [InlineData("""{"alg":256}""", "{}")]
    [InlineData("""{"alg":"HS256","typ":1}""", "{}")]
    [InlineData("""["alg","HS256"]""", "{}")]
    [InlineData("""{"alg":"HS256"}""", "[]")]
    [InlineData("""{"alg":"HS256"}""", "not json")]
    [InlineData("not json", "{}")]
    public void Malformed_headers_and_payloads_are_invalid(string header, string payload)
    {
        Validator.Checked(Jwt(header, payload)).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void A_changed_character_in_the_header_breaks_it()
    {
        string token = Jwt("""{"alg":"HS256","typ":"JWT"}""", """{"sub":"1"}""");
        Validator.Checked(token[..3] + "!" + token[4..]).ShouldBe(ValidationOutcome.Invalid);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    [InlineData("e30.e30")]
    public void Wrong_segment_counts_are_invalid(string token)
    {
        Validator.Checked(token).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void An_encrypted_token_is_not_checked()
    {
        Validator.Checked("e30.a.b.c.d").ShouldBe(ValidationOutcome.NotChecked);
    }

    [Fact]
    public void Huge_and_deeply_nested_tokens_are_handled()
    {
        string deep = new string('[', 5000) + new string(']', 5000);
        Validator.Checked(Jwt("""{"alg":"HS256"}""", $$"""{"a":{{deep}}}""")).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Jwt("""{"alg":"HS256"}""", $$"""{"a":"{{new string('x', 20_000)}}"}""")).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        foreach (string input in SecretAssert.Hostile())
        {
            Validator.Checked(input).Outcome.ShouldNotBe(ValidationOutcome.Valid);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
