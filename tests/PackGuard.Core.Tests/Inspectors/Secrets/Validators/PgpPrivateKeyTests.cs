using System.Numerics;
using System.Security.Cryptography;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Tests.Inspectors.Secrets.Validators;

public sealed class PgpPrivateKeyTests
{
    private static readonly ISecretValidator Validator = PgpPrivateKey.Instance;

    private static byte[] Mpi(byte[] unsignedBigEndian)
    {
        var value = new BigInteger(unsignedBigEndian, isUnsigned: true, isBigEndian: true);
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        long bits = (long)value.GetBitLength();
        return [(byte)(bits >> 8), (byte)bits, .. bytes];
    }

    /// <summary>A v4 RSA secret-key packet, unprotected, from a real RSA key.</summary>
    private static byte[] RsaSecretKeyPacket(bool oldFormat = false)
    {
        using RSA rsa = RSA.Create(2048);
        RSAParameters p = rsa.ExportParameters(true);
        byte[] secret = [.. Mpi(p.D!), .. Mpi(p.P!), .. Mpi(p.Q!), .. Mpi(p.InverseQ!)];
        int sum = secret.Sum(b => b) & 0xFFFF;
        byte[] body = [4, 0x66, 0x00, 0x00, 0x00, 1, .. Mpi(p.Modulus!), .. Mpi(p.Exponent!), 0, .. secret, (byte)(sum >> 8), (byte)sum];
        return Packet(5, body, oldFormat);
    }

    /// <summary>A v4 EdDSA secret-key packet whose secret part is passphrase-protected (S2K usage 254).</summary>
    private static byte[] ProtectedEd25519Packet()
    {
        byte[] oid = [0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x0F, 0x01];
        byte[] point = [0x40, .. RandomNumberGenerator.GetBytes(32)];
        byte[] body = [4, 0x66, 0x00, 0x00, 0x00, 22, (byte)oid.Length, .. oid, 0x01, 0x07, .. point, 254, 9, 3, 8, .. RandomNumberGenerator.GetBytes(8), 0xFF, .. RandomNumberGenerator.GetBytes(16), .. RandomNumberGenerator.GetBytes(56)];
        return Packet(5, body, oldFormat: false);
    }

    private static byte[] Packet(int tag, byte[] body, bool oldFormat)
    {
        if (oldFormat)
        {
            return [(byte)(0x80 | tag << 2 | 1), (byte)(body.Length >> 8), (byte)body.Length, .. body];
        }

        int length = body.Length - 192;
        return body.Length < 192
            ? [(byte)(0xC0 | tag), (byte)body.Length, .. body]
            : [(byte)(0xC0 | tag), (byte)((length >> 8) + 192), (byte)length, .. body];
    }

    private static string Armor(byte[] data, bool withChecksum = true, string lineEnd = "\n")
    {
        uint crc = Crc24.Compute(data);
        string checksum = withChecksum ? "=" + Convert.ToBase64String([(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]) + lineEnd : "";
        string body = KeyText.Lines(Convert.ToBase64String(data), 64).Replace("\n", lineEnd);
        return $"-----BEGIN PGP PRIVATE KEY BLOCK-----{lineEnd}Version: PackGuard tests{lineEnd}{lineEnd}{body}{checksum}-----END PGP PRIVATE KEY BLOCK-----{lineEnd}";
    }

    [Fact]
    public void A_block_with_a_correct_checksum_is_valid()
    {
        Validation result = Validator.Checked(Armor(RsaSecretKeyPacket())).ShouldBe(ValidationOutcome.Valid);

        result.Detail.ShouldBe("PGP private key block (RSA 2048-bit), checksum valid");
        result.Weakened.ShouldBeFalse();
    }

    [Fact]
    public void Old_format_packets_and_crlf_lines_are_read()
    {
        Validator.Checked(Armor(RsaSecretKeyPacket(oldFormat: true), lineEnd: "\r\n")).ShouldBe(ValidationOutcome.Valid)
            .Detail.ShouldBe("PGP private key block (RSA 2048-bit), checksum valid");
    }

    [Fact]
    public void A_passphrase_protected_key_is_weakened()
    {
        Validation result = Validator.Checked(Armor(ProtectedEd25519Packet())).ShouldBe(ValidationOutcome.Valid);

        result.Detail.ShouldBe("PGP private key block (EdDSA Ed25519, passphrase-protected), checksum valid");
        result.Weakened.ShouldBeTrue();
    }

    [Fact]
    public void Any_changed_body_character_fails_the_checksum()
    {
        string armor = Armor(RsaSecretKeyPacket());
        int bodyStart = armor.IndexOf("\n\n", StringComparison.Ordinal) + 2;
        for (int i = bodyStart; i < bodyStart + 300; i += 7)
        {
            if (armor[i] != '\n')
            {
                Validator.Checked(SecretAssert.WithCharChanged(armor, i)).ShouldBe(ValidationOutcome.Invalid);
            }
        }
    }

    [Fact]
    public void A_wrong_checksum_line_is_invalid()
    {
        string armor = Armor(RsaSecretKeyPacket());
        int checksum = armor.IndexOf("\n=", StringComparison.Ordinal) + 2;
        Validator.Checked(SecretAssert.WithCharChanged(armor, checksum)).ShouldBe(ValidationOutcome.Invalid)
            .Detail.ShouldBe("PGP private key block, checksum invalid");
    }

    [Fact]
    public void Without_a_checksum_line_a_secret_key_is_reported_but_not_checked()
    {
        Validation result = Validator.Checked(Armor(RsaSecretKeyPacket(), withChecksum: false)).ShouldBe(ValidationOutcome.NotChecked);
        result.Detail.ShouldBe("PGP private key block (RSA 2048-bit), no checksum line");

        Validator.Checked(Armor(RandomNumberGenerator.GetBytes(300), withChecksum: false)).ShouldBe(ValidationOutcome.Invalid);
        Validator.Checked(Armor(Packet(6, RandomNumberGenerator.GetBytes(100), false), withChecksum: false)).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Truncated_blocks_are_invalid()
    {
        string armor = Armor(RsaSecretKeyPacket());
        Validator.Checked(armor[..(armor.Length / 2)]).ShouldBe(ValidationOutcome.Invalid);

        string noBody = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n\n=AAAA\n-----END PGP PRIVATE KEY BLOCK-----";
        Validator.Checked(noBody).ShouldBe(ValidationOutcome.Invalid);
    }

    [Fact]
    public void Other_text_is_not_checked()
    {
        Validator.Checked("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nabcd\n-----END PGP PUBLIC KEY BLOCK-----").ShouldBe(ValidationOutcome.NotChecked);
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        foreach (string input in SecretAssert.Hostile())
        {
            Validator.Checked(input).Outcome.ShouldNotBe(ValidationOutcome.Valid);
        }

        // Packet headers that claim more than there is.
        foreach (byte[] data in new byte[][] { [0xC5, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], [0x95], [0xC5, 0xE0, 0x01], [0xC5, 0x05, 4, 0, 0, 0, 0] })
        {
            Validator.Checked(Armor(data, withChecksum: false)).ShouldBe(ValidationOutcome.Invalid);
            Validator.Checked(Armor(data)).ShouldBe(ValidationOutcome.Valid).Detail.ShouldBe("PGP private key block, checksum valid");
        }
    }
}
