using System.Security.Cryptography;
using System.Text;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class PuttyPrivateKeyTests
{
    private static readonly ISecretValidator Validator = PuttyPrivateKey.Instance;

    // RFC 8032 section 7.1, test vector 1: a published test key, not a credential.
    private static readonly byte[] RfcPublicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static readonly byte[] RfcSecretKey = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    private static string Ppk(string version, string algorithm, string encryption, string comment, byte[] publicBlob, byte[] privateBlob, string mac, string[]? kdf = null, int? publicLines = null)
    {
        string pub = KeyText.Lines(Convert.ToBase64String(publicBlob), 64);
        string priv = KeyText.Lines(Convert.ToBase64String(privateBlob), 64);
        var text = new StringBuilder()
            .Append($"PuTTY-User-Key-File-{version}: {algorithm}\n")
            .Append($"Encryption: {encryption}\n")
            .Append($"Comment: {comment}\n")
            .Append($"Public-Lines: {publicLines ?? pub.Count(c => c == '\n')}\n").Append(pub);
        foreach (string line in kdf ?? [])
        {
            text.Append(line).Append('\n');
        }

        return text.Append($"Private-Lines: {priv.Count(c => c == '\n')}\n").Append(priv).Append($"Private-MAC: {mac}\n").ToString();
    }

    private static string Unencrypted(string version, string comment, byte[] publicBlob, byte[] privateBlob, string algorithm = "ssh-ed25519")
    {
        string mac = Convert.ToHexStringLower(PuttyPrivateKey.Mac(version, algorithm, "none", comment, publicBlob, privateBlob));
        return Ppk(version, algorithm, "none", comment, publicBlob, privateBlob, mac);
    }

    private static byte[] Ed25519PublicBlob(byte[] key) => new SshWire().String("ssh-ed25519").String(key).ToArray();

    [Fact]
    public void The_format_3_mac_matches_a_published_file()
    {
        // The unencrypted PPK of the RFC 8032 key published in a PuTTY-format test suite.
        byte[] publicBlob = Ed25519PublicBlob(RfcPublicKey);
        byte[] privateBlob = new SshWire().String(RfcSecretKey).ToArray();
        const string comment = "RFC8032 7.1 Test Vector 1";

        byte[] mac = PuttyPrivateKey.Mac("3", "ssh-ed25519", "none", comment, publicBlob, privateBlob);
        Convert.ToHexStringLower(mac).ShouldBe("22cf8308ed9bbf44760be8d3fa391cf2039f069b30144e6c8d62c45810c1696a");

        Validator.Checked(Unencrypted("3", comment, publicBlob, privateBlob)).ShouldBe(ValidationOutcome.Valid)
            .Detail.ShouldBe("PuTTY Ed25519 private key, not encrypted, MAC valid");
    }

    [Fact]
    public void The_format_2_mac_matches_a_published_file()
    {
        // Fields of a published PuTTYgen test file (format 2, "ed25519-key-20200105").
        byte[] publicBlob = Convert.FromBase64String("AAAAC3NzaC1lZDI1NTE5AAAAIHJCszOHaI9X/yGLtjn22f0hO6VPMQDVtctkym6FJH1W");
        byte[] privateBlob = Convert.FromBase64String("AAAAIGvvIpl8jyqn8Xufkw6v3FnEGtXF3KWw55AP3/AGEBpY");

        byte[] mac = PuttyPrivateKey.Mac("2", "ssh-ed25519", "none", "ed25519-key-20200105", publicBlob, privateBlob);
        Convert.ToHexStringLower(mac).ShouldBe("2a629acfcfbe28488a1ba9b6948c36406bc28422");
    }

    [Fact]
    public void An_rsa_key_built_at_test_time_is_valid_in_both_formats()
    {
        using RSA rsa = RSA.Create(2048);
        RSAParameters p = rsa.ExportParameters(true);
        byte[] publicBlob = new SshWire().String("ssh-rsa").Mpint(p.Exponent!).Mpint(p.Modulus!).ToArray();
        byte[] privateBlob = new SshWire().Mpint(p.D!).Mpint(p.P!).Mpint(p.Q!).Mpint(p.InverseQ!).ToArray();

        foreach (string version in new[] { "2", "3" })
        {
            Validator.Checked(Unencrypted(version, "rsa-key-20260330", publicBlob, privateBlob, "ssh-rsa"))
                .ShouldBe(ValidationOutcome.Valid).Detail.ShouldBe("PuTTY RSA 2048-bit private key, not encrypted, MAC valid");
        }
    }

    [Fact]
    public void A_changed_private_line_fails_the_mac()
    {
        string ppk = Unencrypted("3", "key", Ed25519PublicBlob(RandomNumberGenerator.GetBytes(32)), new SshWire().String(RandomNumberGenerator.GetBytes(32)).ToArray());
        int privateLine = ppk.IndexOf("Private-Lines: 1\n", StringComparison.Ordinal) + 17;

        Validator.Checked(SecretAssert.WithCharChanged(ppk, privateLine + 10)).ShouldBe(ValidationOutcome.Invalid)
            .Detail.ShouldBe("PuTTY Ed25519 private key shape, MAC invalid");
        Validator.Checked(ppk.Replace("Comment: key", "Comment: kez")).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void An_encrypted_key_is_checked_for_structure_and_weakened()
    {
        byte[] publicBlob = Ed25519PublicBlob(RandomNumberGenerator.GetBytes(32));
        string[] argon = ["Key-Derivation: Argon2id", "Argon2-Memory: 8192", "Argon2-Passes: 21", "Argon2-Parallelism: 1", "Argon2-Salt: 0102030405060708090a0b0c0d0e0f10"];
        string mac = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        Validation result = Validator.Checked(Ppk("3", "ssh-ed25519", "aes256-cbc", "key", publicBlob, RandomNumberGenerator.GetBytes(48), mac, argon))
            .ShouldBe(ValidationOutcome.Valid);
        result.Detail.ShouldBe("PuTTY Ed25519 private key, encrypted (MAC not checked)");
        result.Weakened.ShouldBeTrue();

        Validator.Checked(Ppk("3", "ssh-ed25519", "aes256-cbc", "key", publicBlob, RandomNumberGenerator.GetBytes(47), mac, argon)).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("3", "ssh-ed25519", "aes256-cbc", "key", publicBlob, RandomNumberGenerator.GetBytes(48), mac)).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("2", "ssh-ed25519", "aes256-cbc", "key", publicBlob, RandomNumberGenerator.GetBytes(48), mac[..40])).ShouldBe(ValidationOutcome.Valid);
    }

    [Fact]
    public void Structural_mistakes_are_invalid()
    {
        byte[] publicBlob = Ed25519PublicBlob(RandomNumberGenerator.GetBytes(32));
        byte[] privateBlob = new SshWire().String(RandomNumberGenerator.GetBytes(32)).ToArray();
        string mac = Convert.ToHexStringLower(PuttyPrivateKey.Mac("3", "ssh-ed25519", "none", "k", publicBlob, privateBlob));

        Validator.Checked(Ppk("3", "ssh-ed25519", "none", "k", publicBlob, privateBlob, mac)).ShouldBe(ValidationOutcome.Valid);
        Validator.Checked(Ppk("3", "ssh-ed25519", "none", "k", publicBlob, privateBlob, mac, publicLines: 3)).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("3", "ssh-ed25519", "none", "k", publicBlob, privateBlob, mac, publicLines: 1)).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("3", "ssh-rsa", "none", "k", publicBlob, privateBlob, mac)).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("3", "ssh-ed25519", "none", "k", publicBlob, privateBlob, mac[..40])).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("3", "ssh-ed25519", "rot13", "k", publicBlob, privateBlob, mac)).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("4", "ssh-ed25519", "none", "k", publicBlob, privateBlob, mac)).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("3", "ssh-ed25519", "none", "k", publicBlob, privateBlob, mac).Replace("Comment:", "Remark:")).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Ppk("3", "ssh-ed25519", "none", "k", publicBlob, privateBlob, mac)[..150]).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Format_1_and_other_text_are_not_checked()
    {
        Validator.Checked("PuTTY-User-Key-File-1: ssh-rsa\nEncryption: none\n").ShouldBe(ValidationOutcome.NotChecked);
        Validator.Checked("nothing to see").ShouldBe(ValidationOutcome.NotChecked);
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
