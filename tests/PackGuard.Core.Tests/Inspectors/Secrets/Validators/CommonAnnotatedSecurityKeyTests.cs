using System.Buffers.Binary;
using System.Security.Cryptography;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class CommonAnnotatedSecurityKeyTests
{
    private static readonly ISecretValidator Validator = CommonAnnotatedSecurityKey.Instance;

    private static string NewKey(bool longForm = false) =>
        CommonAnnotatedSecurityKey.Create(RandomNumberGenerator.GetBytes(52), new DateOnly(2025, 3, 1), longForm);

    [Fact]
    public void The_seed_is_Default0_read_big_endian()
    {
        CommonAnnotatedSecurityKey.Seed.ShouldBe(0x44656661756c7430UL);
    }

    [Fact]
    public void Generated_short_keys_validate()
    {
        for (int i = 0; i < 50; i++)
        {
            string key = NewKey();
            key.Length.ShouldBe(84);
            key.Substring(52, 6).ShouldBe("JQQJ" + "99");
            key.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c));

            Validation result = Validator.Checked(key).ShouldBe(ValidationOutcome.Valid);
            result.Detail.ShouldBe("Azure Common Annotated Security Key, checksum valid, issued 2025-03");
        }
    }

    [Fact]
    public void Generated_long_keys_validate()
    {
        for (int i = 0; i < 20; i++)
        {
            string key = NewKey(longForm: true);
            key.Length.ShouldBe(88);
            key.ShouldEndWith("==");
            Validator.Checked(key).ShouldBe(ValidationOutcome.Valid);
        }
    }

    [Fact]
    public void The_base62_checksum_form_validates()
    {
        // Azure DevOps tokens write the short checksum as base62 digits of the checksum bytes.
        string key = NewKey();
        byte[] checksummed = Convert.FromBase64String(key[..80]);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Marvin32.Compute(checksummed, CommonAnnotatedSecurityKey.Seed));
        string digits = Base62Checksum.Encode(BinaryPrimitives.ReadUInt32BigEndian(bytes)).TrimStart('0');
        string base62Key = key[..80] + digits[..4];

        Validator.Checked(base62Key).ShouldBe(ValidationOutcome.Valid);
        Validator.Checked(key[..80] + SecretAssert.WithCharChanged(digits[..4], 3)).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Any_changed_character_fails()
    {
        string key = NewKey();
        for (int i = 0; i < key.Length; i++)
        {
            string changed = SecretAssert.WithCharChanged(key, i);
            ValidationOutcome expected = i is >= 52 and < 57 ? ValidationOutcome.NotChecked : ValidationOutcome.Invalid;
            if (i == 57)
            {
                // '9' becomes '0': no longer the signature of a CASK key at all.
                expected = ValidationOutcome.NotChecked;
            }

            Validator.Checked(changed).ShouldBe(expected);
        }
    }

    [Fact]
    public void A_derived_key_with_an_unrecognised_checksum_is_not_called_fake()
    {
        string key = NewKey();
        string derived = key[..57] + "D" + key[58..];
        Validator.Checked(derived).ShouldBe(ValidationOutcome.NotChecked).Detail.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(83)]
    [InlineData(85)]
    [InlineData(86)]
    public void Other_lengths_are_not_checked(int length)
    {
        string key = NewKey(longForm: true);
        Validator.Checked(key[..Math.Min(length, 88)].PadRight(length, 'A')).ShouldBe(ValidationOutcome.NotChecked);
    }

    [Fact]
    public void Non_base62_characters_are_invalid()
    {
        string key = NewKey();
        Validator.Checked("+" + key[1..]).ShouldBe(ValidationOutcome.Invalid);
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
