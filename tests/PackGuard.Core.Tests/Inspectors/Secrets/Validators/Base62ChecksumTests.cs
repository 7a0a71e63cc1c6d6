using System.Security.Cryptography;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class Base62ChecksumTests
{
    private static readonly ISecretValidator Validator = Base62Checksum.Instance;

    private static string RandomBase62(int length) =>
        RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", length);

    [Fact]
    public void Matches_a_published_real_world_GitHub_token()
    {
        // The random part and checksum of a real (revoked) token from the README and test suite
        // of therootcompany/base62-token.js, kept apart so no token-shaped literal ships here.
        const string random = "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ";
        const string checksum = "0mLq17";

        Base62Checksum.Encode(Crc32.ComputeAscii(random)).ShouldBe(checksum);
        string token = Base62Checksum.Create("gh" + "p_", random);
        token.ShouldEndWith(checksum);
        Validator.Checked(token).ShouldBe(ValidationOutcome.Valid);
    }

    [Theory]
    [InlineData(0u, "000000")]
    [InlineData(61u, "00000z")]
    [InlineData(62u, "000010")]
    [InlineData(uint.MaxValue, "4gfFC3")]
    public void Encodes_checksums_as_six_base62_digits(uint value, string expected)
    {
        Base62Checksum.Encode(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("gh" + "p_", "GitHub personal access token (classic)")]
    [InlineData("gh" + "o_", "GitHub OAuth access token")]
    [InlineData("gh" + "u_", "GitHub user-to-server token")]
    [InlineData("gh" + "s_", "GitHub server-to-server token")]
    [InlineData("gh" + "r_", "GitHub refresh token")]
    [InlineData("np" + "m_", "npm access token")]
    public void Generated_tokens_validate_and_name_their_kind(string prefix, string kind)
    {
        for (int i = 0; i < 20; i++)
        {
            string token = Base62Checksum.Create(prefix, RandomBase62(30));

            Validation result = Validator.Checked(token).ShouldBe(ValidationOutcome.Valid);
            result.Detail.ShouldBe($"{kind}, checksum valid");
        }
    }

    [Fact]
    public void Any_changed_character_fails_the_checksum()
    {
        string token = Base62Checksum.Create("gh" + "p_", RandomBase62(30));

        for (int i = 4; i < token.Length; i++)
        {
            string changed = SecretAssert.WithCharChanged(token, i);
            Validator.Checked(changed).ShouldBe(ValidationOutcome.Invalid);
        }
    }

    [Theory]
    [InlineData("xyz_")]
    [InlineData("github_pat_")]
    [InlineData("")]
    public void Other_prefixes_are_not_checked(string prefix)
    {
        Validator.Checked(prefix + RandomBase62(36)).ShouldBe(ValidationOutcome.NotChecked);
    }

    [Fact]
    public void Other_lengths_are_not_called_fake()
    {
        Validator.Checked("gh" + "r_" + RandomBase62(76)).ShouldBe(ValidationOutcome.NotChecked);
        Validator.Checked("gh" + "p_" + RandomBase62(35)).ShouldBe(ValidationOutcome.NotChecked);
    }

    [Fact]
    public void Non_base62_characters_are_invalid()
    {
        string token = Base62Checksum.Create("np" + "m_", RandomBase62(30));
        Validator.Checked(token[..10] + "-" + token[11..]).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Create_rejects_a_wrong_random_part()
    {
        Should.Throw<ArgumentException>(() => Base62Checksum.Create("gh" + "p_", "short"));
        Should.Throw<ArgumentException>(() => Base62Checksum.Create("gh" + "p_", new string('-', 30)));
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        foreach (string input in SecretAssert.Hostile())
        {
            Validator.Checked(input).Outcome.ShouldNotBe(ValidationOutcome.Valid);
        }
    }
}
