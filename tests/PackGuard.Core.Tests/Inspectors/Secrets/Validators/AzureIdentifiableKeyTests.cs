using System.Security.Cryptography;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class AzureIdentifiableKeyTests
{
    private static readonly ISecretValidator Validator = AzureIdentifiableKey.Instance;

    public static TheoryData<string> KindNames()
    {
        var data = new TheoryData<string>();
        foreach (AzureKeyKind kind in AzureKeyKinds.All)
        {
            data.Add(kind.Name);
        }

        return data;
    }

    private static AzureKeyKind Kind(string name) => AzureKeyKinds.All.Single(k => k.Name == name);

    private static string NewKey(AzureKeyKind kind, int seedIndex = 0) =>
        AzureIdentifiableKey.Create(kind, RandomNumberGenerator.GetBytes(kind.KeyLength), seedIndex);

    [Theory]
    [InlineData("Azure Storage account key", 88)]
    [InlineData("Azure Cosmos DB key", 88)]
    [InlineData("Azure Service Bus key", 44)]
    [InlineData("Azure Functions key", 56)]
    [InlineData("Azure AI Search key", 52)]
    [InlineData("Azure Container Registry key", 52)]
    [InlineData("Azure IoT key", 44)]
    public void Kinds_have_the_published_encoded_lengths(string name, int length)
    {
        Kind(name).PaddedLength.ShouldBe(length);
        NewKey(Kind(name)).Length.ShouldBe(length);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Generated_keys_of_every_kind_and_seed_validate(string name)
    {
        AzureKeyKind kind = Kind(name);
        for (int seed = 0; seed < kind.Seeds.Count; seed++)
        {
            for (int i = 0; i < 8; i++)
            {
                string key = NewKey(kind, seed);
                key.Substring(key.TrimEnd('=').Length - 10, 4).ShouldBe(kind.Signature);

                Validation result = Validator.Checked(key).ShouldBe(ValidationOutcome.Valid);
                result.Detail.ShouldStartWith(kind.Name);
                result.Detail.ShouldEndWith("checksum valid");
                if (kind.Seeds[seed].Role is { } role)
                {
                    result.Detail.ShouldContain($"({role})");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Keys_validate_without_their_padding(string name)
    {
        string key = NewKey(Kind(name)).TrimEnd('=');
        Validator.Checked(key).ShouldBe(ValidationOutcome.Valid);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Any_changed_character_fails(string name)
    {
        AzureKeyKind kind = Kind(name);
        string key = NewKey(kind);
        int end = key.TrimEnd('=').Length;
        for (int i = 0; i < end; i++)
        {
            string changed = SecretAssert.WithCharChanged(key, i);
            bool inSignature = i >= end - 10 && i < end - 6;
            Validator.Checked(changed).ShouldBe(inSignature ? ValidationOutcome.NotChecked : ValidationOutcome.Invalid);
        }
    }

    [Fact]
    public void A_key_checksummed_with_an_unknown_seed_is_invalid()
    {
        AzureKeyKind impostor = AzureKeyKinds.Storage with { Seeds = [new(0x4E6F745265616C30)] };
        string key = NewKey(impostor);

        Validation result = Validator.Checked(key).ShouldBe(ValidationOutcome.Invalid);
        result.Detail.ShouldBe("Azure Storage account key shape, checksum invalid");
    }

    [Fact]
    public void Standard_characters_in_a_url_safe_kind_are_invalid()
    {
        string key = NewKey(AzureKeyKinds.Functions);
        int index = key.IndexOfAny(['-', '_']);
        if (index < 0)
        {
            key = "+" + key[1..];
        }
        else
        {
            key = key[..index] + (key[index] == '-' ? "+" : "/") + key[(index + 1)..];
        }

        Validator.Checked(key).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Create_rejects_the_wrong_number_of_bytes()
    {
        Should.Throw<ArgumentException>(() => AzureIdentifiableKey.Create(AzureKeyKinds.Storage, new byte[10]));
    }

    [Fact]
    public void Text_without_a_signature_is_not_checked()
    {
        Validator.Checked(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))).ShouldBe(ValidationOutcome.NotChecked);
        Validator.Checked("not a key").ShouldBe(ValidationOutcome.NotChecked);
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
