using System.Security.Cryptography;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class SecretValidatorsTests
{
    public static TheoryData<string> Names() => [.. SecretValidators.ByName.Keys];

    [Fact]
    public void Every_validator_is_listed_once()
    {
        // Offline checks live in the Validators namespace; catalog filters (which only discard) do not.
        var types = typeof(ISecretValidator).Assembly.GetTypes()
            .Where(t => typeof(ISecretValidator).IsAssignableFrom(t) && !t.IsInterface && t.Namespace == typeof(ISecretValidator).Namespace)
            .ToHashSet();

        SecretValidators.ByName.Values.Select(v => v.GetType()).ToHashSet().SetEquals(types).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Hostile_and_random_input_is_never_valid_and_never_throws(string name)
    {
        ISecretValidator validator = SecretValidators.ByName[name];
        validator.Validate(null!).ShouldBe(Validation.NotChecked);

        foreach (string input in SecretAssert.Hostile())
        {
            validator.Checked(input).Outcome.ShouldNotBe(ValidationOutcome.Valid);
        }

        for (int i = 0; i < 200; i++)
        {
            string noise = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.:\n ", i * 3);
            validator.Checked(noise).Outcome.ShouldNotBe(ValidationOutcome.Valid);
        }
    }

    [Fact]
    public void A_dsa_key_with_a_huge_subgroup_is_rejected_before_any_slow_arithmetic()
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            byte[] big = RandomNumberGenerator.GetBytes(2048);
            big[0] |= 0x80;
            foreach (byte[] part in new[] { big, big, [2], [5], big[..2000] })
            {
                writer.WriteIntegerUnsigned(part);
            }
        }

        PemPrivateKey.Instance.Checked(KeyText.Pem("DSA PRIVATE KEY", writer.Encode())).ShouldBe(ValidationOutcome.Invalid);
    }
}
