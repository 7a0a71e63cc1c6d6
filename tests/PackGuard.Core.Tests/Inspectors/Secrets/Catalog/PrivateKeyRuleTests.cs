using PackGuard.Findings;
using static PackGuard.Inspectors.Secrets.Catalog.PrivateKeySamples;

namespace PackGuard.Tests.Inspectors.Secrets.Catalog;

public sealed class PrivateKeyRuleTests
{
    private const string Lib = "package/lib/keys.js";

    [Fact]
    public void An_encrypted_pkcs8_key_is_found_and_reported_high_as_weakened()
    {
        var finding = SecretScan.Single("secret/pem-private-key", Lib, EncryptedPkcs8(1));

        finding.Severity.ShouldBe(Severity.High);
        finding.Properties["validation"]!.GetValue<string>().ShouldContain("encrypted");
    }

    [Fact]
    public void A_legacy_encrypted_key_is_found_and_reported_high_as_weakened()
    {
        var finding = SecretScan.Single("secret/pem-private-key", Lib, LegacyEncryptedRsa(2));

        finding.Severity.ShouldBe(Severity.High);
        finding.Properties["validation"]!.GetValue<string>().ShouldContain("legacy PEM");
    }

    [Fact]
    public void A_key_escaped_in_a_json_string_is_found_once_at_its_own_place()
    {
        var publicKey = string.Concat(Armor("BEGIN", "PUBLIC KEY"), "\nMCowBQYDK2VwAyEAsjjBrbNFmgHboPTXl2xp9ia7eMMIjuuHbpsVdmtSICk=\n", Armor("END", "PUBLIC KEY"));
        var json = string.Concat("{\n  \"public\": \"", JsonEscaped(publicKey), "\",\n  \"private\": \"", JsonEscaped(OpenSshEd25519(3)), "\"\n}\n");

        var finding = SecretScan.Single("secret/openssh-private-key", "package/config/deploy.json", json);

        finding.Severity.ShouldBe(Severity.Critical);
        finding.Location.Line.ShouldBe(3);
        finding.Properties["encoding"]!.GetValue<string>().ShouldBe("escaped");
    }

    [Fact]
    public void An_encrypted_openssh_key_is_high_and_a_plain_one_critical()
    {
        SecretScan.Single("secret/openssh-private-key", Lib, OpenSshEncrypted(4)).Severity.ShouldBe(Severity.High);
        SecretScan.Single("secret/openssh-private-key", Lib, OpenSshEd25519(5)).Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Pgp_keys_are_validated_by_their_checksum_and_protected_ones_weakened()
    {
        SecretScan.Single("secret/pgp-private-key", "package/release/signing.asc", PgpSecretKey(6)).Severity.ShouldBe(Severity.Critical);
        SecretScan.Single("secret/pgp-private-key", "package/release/signing.asc", PgpSecretKey(7, protectedKey: true)).Severity.ShouldBe(Severity.High);

        var broken = PgpSecretKey(8).Replace("\n=", "\n=AAAA\n=", StringComparison.Ordinal);
        SecretScan.Findings("package/release/signing.asc", broken).ShouldAllBe(f => f.Severity == Severity.Low);
    }

    [Fact]
    public void A_putty_key_with_a_valid_mac_is_critical()
    {
        SecretScan.Single("secret/putty-private-key", "package/deploy/id.ppk", PuttyEd25519(9)).Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Keys_in_test_fixtures_are_low()
    {
        SecretScan.Single("secret/openssh-private-key", "package/test/fixtures/id_ed25519", OpenSshEd25519(10)).Severity.ShouldBe(Severity.Low);
    }

    [Fact]
    public void Two_keys_in_one_file_are_two_findings()
    {
        var text = string.Concat(OpenSshEd25519(11), "\n", EncryptedPkcs8(12));

        var findings = SecretScan.Findings("package/keys.txt", text);

        findings.Select(f => (f.RuleId, f.Location.Line)).ShouldBe([("secret/openssh-private-key", 1), ("secret/pem-private-key", 9)], ignoreOrder: true);
    }

    [Fact]
    public void A_runaway_begin_line_without_an_end_is_scanned_quickly()
    {
        var text = string.Concat(Enumerable.Repeat(string.Concat(Armor("BEGIN", "RSA PRIVATE KEY"), "\n", new string('A', 2000), "\n"), 500));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        SecretScan.Findings("package/huge.pem", text).ShouldBeEmpty();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
