using System.Formats.Asn1;
using System.Security.Cryptography;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class PemPrivateKeyTests
{
    private static readonly ISecretValidator Validator = PemPrivateKey.Instance;

    private static Validation ValidKey(string pem, string detail, bool weakened = false)
    {
        Validation result = Validator.Checked(pem).ShouldBe(ValidationOutcome.Valid);
        result.Detail.ShouldBe(detail);
        result.Weakened.ShouldBe(weakened);
        return result;
    }

    [Fact]
    public void Rsa_pkcs1_and_pkcs8_keys_are_valid()
    {
        using RSA rsa = RSA.Create(2048);
        ValidKey(rsa.ExportRSAPrivateKeyPem(), "RSA 2048-bit private key, not encrypted");
        ValidKey(rsa.ExportPkcs8PrivateKeyPem(), "RSA 2048-bit private key (PKCS#8), not encrypted");
    }

    [Theory]
    [InlineData("nistP256", "P-256")]
    [InlineData("nistP384", "P-384")]
    [InlineData("nistP521", "P-521")]
    public void Ec_sec1_and_pkcs8_keys_are_valid(string curve, string name)
    {
        using ECDsa ec = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        ValidKey(ec.ExportECPrivateKeyPem(), $"EC {name} private key, not encrypted");
        ValidKey(ec.ExportPkcs8PrivateKeyPem(), $"EC {name} private key (PKCS#8), not encrypted");
    }

    [Fact]
    public void Dsa_keys_are_valid_in_both_formats()
    {
        using DSA dsa = DSA.Create(2048);
        ValidKey(dsa.ExportPkcs8PrivateKeyPem(), "DSA 2048-bit private key (PKCS#8), not encrypted");

        DSAParameters p = dsa.ExportParameters(true);
        ValidKey(KeyText.Pem("DSA PRIVATE KEY", OpenSslDsa(p)), "DSA 2048-bit private key, not encrypted");

        p.Y![^1] ^= 1;
        Validator.Checked(KeyText.Pem("DSA PRIVATE KEY", OpenSslDsa(p))).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void An_ed25519_pkcs8_key_is_valid()
    {
        ValidKey(KeyText.Pem("PRIVATE KEY", Ed25519Pkcs8(RandomNumberGenerator.GetBytes(32))), "Ed25519 private key (PKCS#8), not encrypted");
        Validator.Checked(KeyText.Pem("PRIVATE KEY", Ed25519Pkcs8(RandomNumberGenerator.GetBytes(31)))).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Encrypted_pkcs8_keys_are_valid_but_weakened()
    {
        using RSA rsa = RSA.Create(2048);
        ValidKey(
            rsa.ExportEncryptedPkcs8PrivateKeyPem("pass", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)),
            "PKCS#8 private key, encrypted (PBES2, PBKDF2, 256-bit AES)", weakened: true);
        ValidKey(
            rsa.ExportEncryptedPkcs8PrivateKeyPem("pass", new PbeParameters(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, 1000)),
            "PKCS#8 private key, encrypted (PKCS#12, Triple DES)", weakened: true);
    }

    [Fact]
    public void Legacy_encrypted_pem_is_checked_for_structure_and_weakened()
    {
        string iv = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        string pem = KeyText.Pem("RSA PRIVATE KEY", RandomNumberGenerator.GetBytes(1200), "Proc-Type: 4,ENCRYPTED", $"DEK-Info: AES-256-CBC,{iv}");
        ValidKey(pem, "RSA private key, encrypted (legacy PEM, 256-bit AES)", weakened: true);

        string ragged = KeyText.Pem("RSA PRIVATE KEY", RandomNumberGenerator.GetBytes(1201), "Proc-Type: 4,ENCRYPTED", $"DEK-Info: AES-256-CBC,{iv}");
        Validator.Checked(ragged).ShouldBe(ValidationOutcome.Invalid);

        string shortIv = KeyText.Pem("EC PRIVATE KEY", RandomNumberGenerator.GetBytes(128), "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,00FF");
        Validator.Checked(shortIv).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void OpenSsh_keys_built_at_test_time_are_valid()
    {
        ValidKey(KeyText.OpenSshEd25519(out _), "OpenSSH Ed25519 private key, not encrypted");

        using RSA rsa = RSA.Create(3072);
        ValidKey(KeyText.OpenSshRsa(rsa.ExportParameters(true)), "OpenSSH RSA 3072-bit private key, not encrypted");
    }

    [Fact]
    public void An_encrypted_OpenSsh_key_is_valid_but_weakened()
    {
        KeyText.OpenSshEd25519(out byte[] publicBlob);
        byte[] kdfOptions = new SshWire().String(RandomNumberGenerator.GetBytes(16)).UInt32(16).ToArray();
        string pem = KeyText.OpenSsh("aes256-ctr", "bcrypt", kdfOptions, publicBlob, RandomNumberGenerator.GetBytes(144), []);
        ValidKey(pem, "OpenSSH Ed25519 private key, encrypted (aes256-ctr, bcrypt)", weakened: true);

        string gcm = KeyText.OpenSsh("aes256-gcm@openssh.com", "bcrypt", kdfOptions, publicBlob, RandomNumberGenerator.GetBytes(144), RandomNumberGenerator.GetBytes(16));
        Validator.Checked(gcm).ShouldBe(ValidationOutcome.Valid).Weakened.ShouldBeTrue();

        string ragged = KeyText.OpenSsh("aes256-ctr", "bcrypt", kdfOptions, publicBlob, RandomNumberGenerator.GetBytes(145), []);
        Validator.Checked(ragged).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Inconsistent_OpenSsh_keys_are_invalid()
    {
        Validator.Checked(KeyText.OpenSshEd25519(out _, section => section.Raw([0])))
            .ShouldBe(ValidationOutcome.Invalid).Detail.ShouldBe("PEM private key, OpenSSH private section with bad padding");

        // Put another key's public half in the public section: the private half no longer matches.
        string pem = KeyText.OpenSshEd25519(out _);
        KeyText.OpenSshEd25519(out byte[] otherBlob);
        byte[] body = Convert.FromBase64String(string.Concat(pem.Split('\n')[1..^2]));
        const int publicKeyField = 58;         // magic, "none", "none", "", count, blob length, "ssh-ed25519"
        byte[] swapped = [.. body[..publicKeyField], .. otherBlob[15..], .. body[(publicKeyField + 36)..]];
        Validator.Checked(KeyText.Pem("OPENSSH PRIVATE KEY", swapped)).ShouldBe(ValidationOutcome.Invalid)
            .Detail.ShouldBe("PEM private key, ed25519 private key that does not match its public key");
    }

    [Fact]
    public void OpenSsh_check_numbers_must_agree()
    {
        string pem = KeyText.OpenSshEd25519(out _);
        byte[] body = Convert.FromBase64String(string.Concat(pem.Split('\n')[1..^2]));
        body[98] ^= 0xFF;                       // first byte of the first check number
        Validator.Checked(KeyText.Pem("OPENSSH PRIVATE KEY", body)).ShouldBe(ValidationOutcome.Invalid)
            .Detail.ShouldBe("PEM private key, OpenSSH private section whose check numbers differ");
    }

    [Fact]
    public void An_rsa_key_whose_primes_do_not_match_is_invalid()
    {
        using RSA rsa = RSA.Create(2048);
        using RSA other = RSA.Create(2048);
        RSAParameters p = rsa.ExportParameters(true);
        p.P = other.ExportParameters(true).P;

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            foreach (byte[] part in new[] { p.Modulus!, p.Exponent!, p.D!, p.P!, p.Q!, p.DP!, p.DQ!, p.InverseQ! })
            {
                writer.WriteIntegerUnsigned(Minimal(part));
            }
        }

        Validator.Checked(KeyText.Pem("RSA PRIVATE KEY", writer.Encode())).ShouldBe(ValidationOutcome.Invalid)
            .Detail.ShouldBe("PEM private key, RSA key whose modulus is not the product of its primes");
    }

    [Fact]
    public void A_changed_character_in_the_body_is_invalid()
    {
        using RSA rsa = RSA.Create(2048);
        string pem = rsa.ExportRSAPrivateKeyPem();
        int inModulus = pem.IndexOf('\n') + 1 + 40;
        Validator.Checked(SecretAssert.WithCharChanged(pem, inModulus)).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Truncated_and_garbage_bodies_are_invalid()
    {
        using RSA rsa = RSA.Create(2048);
        string pem = rsa.ExportRSAPrivateKeyPem();
        string[] lines = pem.Split('\n');
        string truncated = string.Join('\n', lines[..8]) + "\n-----END RSA PRIVATE KEY-----";

        Validator.Checked(truncated).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(pem[..(pem.Length / 2)]).ShouldBe(ValidationOutcome.Invalid).Detail.ShouldBe("PEM private key, truncated (no matching END line)");
        Validator.Checked(KeyText.Pem("PRIVATE KEY", RandomNumberGenerator.GetBytes(1200))).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(KeyText.Pem("OPENSSH PRIVATE KEY", RandomNumberGenerator.GetBytes(400))).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked("-----BEGIN EC PRIVATE KEY-----\nnot base64 at all!\n-----END EC PRIVATE KEY-----").ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void A_key_escaped_into_a_json_string_is_read()
    {
        using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string escaped = ec.ExportPkcs8PrivateKeyPem().Replace("\n", "\\n");
        ValidKey(escaped, "EC P-256 private key (PKCS#8), not encrypted");
    }

    [Fact]
    public void Other_blocks_and_huge_input_are_not_checked()
    {
        Validator.Checked(KeyText.Pem("CERTIFICATE", RandomNumberGenerator.GetBytes(300))).ShouldBe(ValidationOutcome.NotChecked);
        Validator.Checked("no pem here").ShouldBe(ValidationOutcome.NotChecked);
        Validator.Checked(KeyText.Pem("PRIVATE KEY", new byte[PemPrivateKey.MaxLength])).ShouldBe(ValidationOutcome.NotChecked);
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        foreach (string input in SecretAssert.Hostile())
        {
            Validator.Checked(input).Outcome.ShouldNotBe(ValidationOutcome.Valid);
        }
    }

    // RSAParameters and DSAParameters pad some values with leading zeros; DER integers may not.
    private static byte[] Minimal(byte[] unsignedBigEndian)
    {
        int zeros = 0;
        while (zeros < unsignedBigEndian.Length - 1 && unsignedBigEndian[zeros] == 0)
        {
            zeros++;
        }

        return unsignedBigEndian[zeros..];
    }

    private static byte[] OpenSslDsa(DSAParameters p)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            foreach (byte[] part in new[] { p.P!, p.Q!, p.G!, p.Y!, p.X! })
            {
                writer.WriteIntegerUnsigned(Minimal(part));
            }
        }

        return writer.Encode();
    }

    private static byte[] Ed25519Pkcs8(byte[] seed)
    {
        var inner = new AsnWriter(AsnEncodingRules.DER);
        inner.WriteOctetString(seed);

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.3.101.112");
            }

            writer.WriteOctetString(inner.Encode());
        }

        return writer.Encode();
    }
}
