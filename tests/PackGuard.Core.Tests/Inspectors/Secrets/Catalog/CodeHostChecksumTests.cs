using System.Security.Cryptography;
using PackGuard.Inspectors;
using PackGuard.Inspectors.Secrets.Catalog;
using PackGuard.Inspectors.Secrets.Validators;
using PackGuard.Tests.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Catalog;

/// <summary>The checksums of GitLab's routable tokens and of Azure DevOps' legacy tokens.</summary>
public sealed class CodeHostChecksumTests
{
    private static readonly ISecretValidator Routable = CodeHostSecrets.GitLabRoutableChecksum.Instance;
    private static readonly ISecretValidator LegacyAzureDevOps = CodeHostSecrets.AzureDevOpsLegacyChecksum.Instance;

    [Fact]
    public void A_routable_token_published_by_GitLab_validates()
    {
        // The example of GitLab's own secret-detection rules (gitlab.toml), kept in pieces.
        var token = string.Concat("gl", "pat-", "bzox79Of-KE9FD2LjoXXF4CvyxA", ".0r", "03gxo7s");

        Routable.Checked(token).ShouldBe(ValidationOutcome.Valid).Detail.ShouldBe("GitLab routable token, checksum valid");
    }

    [Theory]
    [InlineData("gl" + "pat-", true)]
    [InlineData("gl" + "pat-", false)]
    [InlineData("gl" + "rt-t2_", false)]
    public void Generated_routable_tokens_validate_and_every_changed_character_fails(string prefix, bool versioned)
    {
        var payload = RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_", 35);
        var body = string.Concat(prefix, payload, ".", versioned ? "01." : "", CodeHostSecrets.GitLabRoutableChecksum.Base36(35, 2));
        var token = body + CodeHostSecrets.GitLabRoutableChecksum.Base36(Crc32.ComputeAscii(body), 7);

        Routable.Checked(token).ShouldBe(ValidationOutcome.Valid);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != '.')
                Routable.Checked(SecretAssert.WithCharChanged(token, i)).Outcome.ShouldNotBe(ValidationOutcome.Valid, $"changed at {i}");
        }
    }

    [Fact]
    public void Tokens_without_a_routable_part_are_not_checked()
    {
        Routable.Checked(string.Concat("gl", "pat-", RandomNumberGenerator.GetString("abcdefghij0123456789", 20))).ShouldBe(ValidationOutcome.NotChecked);
    }

    [Theory]
    [InlineData(0u, 7, "0000000")]
    [InlineData(35u, 2, "0z")]
    [InlineData(uint.MaxValue, 7, "1z141z3")]
    public void Base36_is_lower_case_and_padded(uint value, int width, string expected)
    {
        CodeHostSecrets.GitLabRoutableChecksum.Base36(value, width).ShouldBe(expected);
    }

    [Fact]
    public void Legacy_Azure_DevOps_tokens_with_an_embedded_checksum_validate()
    {
        for (var n = 0; n < 20; n++)
        {
            var bytes = RandomNumberGenerator.GetBytes(32);
            CodeHostSecrets.AzureDevOpsLegacyChecksum.Embed(bytes);
            var token = CodeHostSecrets.AzureDevOpsLegacyChecksum.Encode(bytes);

            token.Length.ShouldBe(52);
            token.ShouldMatch("^[a-z2-7]{52}$");
            LegacyAzureDevOps.Checked(token).ShouldBe(ValidationOutcome.Valid).Detail.ShouldBe("Azure DevOps user token, checksum valid");
        }
    }

    [Fact]
    public void A_changed_character_breaks_a_legacy_Azure_DevOps_checksum()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        CodeHostSecrets.AzureDevOpsLegacyChecksum.Embed(bytes);
        var token = CodeHostSecrets.AzureDevOpsLegacyChecksum.Encode(bytes);

        // The last character carries one bit and four bits of padding; every other one is checked.
        for (var i = 0; i < token.Length - 1; i++)
        {
            var changed = string.Concat(token.AsSpan(0, i), token[i] == 'a' ? "b" : "a", token.AsSpan(i + 1));
            LegacyAzureDevOps.Checked(changed).ShouldBe(ValidationOutcome.Invalid);
        }
    }

    [Fact]
    public void Other_shapes_are_not_legacy_Azure_DevOps_tokens()
    {
        LegacyAzureDevOps.Checked(new string('a', 40)).ShouldBe(ValidationOutcome.NotChecked);
        LegacyAzureDevOps.Checked(RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 52)).ShouldBe(ValidationOutcome.NotChecked);
    }

    [Theory]
    [InlineData("secret/github-pat-classic")]
    [InlineData("secret/github-oauth-token")]
    [InlineData("secret/github-user-to-server-token")]
    [InlineData("secret/npm-access-token")]
    [InlineData("secret/azure-devops-pat")]
    [InlineData("secret/azure-devops-pat-legacy")]
    public void The_samples_of_checksummed_formats_carry_a_valid_checksum(string ruleId)
    {
        var rule = SecretCatalog.All.Single(r => r.Id == ruleId);
        foreach (var positive in rule.Positives)
        {
            var match = RegexSafety.Create(rule.Pattern).Match(positive);
            match.Success.ShouldBeTrue(positive);
            var secret = match.Groups["secret"].Success ? match.Groups["secret"].Value : match.Value;
            rule.Validator!.Validate(secret).ShouldBe(ValidationOutcome.Valid);
        }
    }

    [Fact]
    public void The_routable_samples_of_GitLab_rules_carry_a_valid_checksum()
    {
        foreach (var rule in SecretCatalog.All.Where(r => r.Validator == Routable))
        {
            var routable = rule.Positives.Select(p => RegexSafety.Create(rule.Pattern).Match(p)).Where(m => m.Value.Contains('.', StringComparison.Ordinal)).ToList();
            routable.ShouldNotBeEmpty(rule.Id);
            routable.ShouldAllBe(m => Routable.Validate(m.Groups["secret"].Value).Outcome == ValidationOutcome.Valid);
        }
    }
}
