using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Text;
using PackGuard.Inspectors.Secrets.Validators;

namespace PackGuard.Inspectors.Secrets.Catalog;

/// <summary>
/// Builds the private key samples of <see cref="PrivateKeySecrets"/> at run time from seeded
/// random bytes: structurally valid (their validators accept them), useless as keys, and absent
/// from PackGuard's binaries, whose own scan must stay clean.
/// </summary>
internal static class PrivateKeySamples
{
    private const string Dashes = "-----";

    /// <summary>A PEM armor line: <c>-----BEGIN label-----</c> or <c>-----END label-----</c>, assembled here.</summary>
    public static string Armor(string word, string label) => string.Concat(Dashes, word, " ", label, Dashes);

    /// <summary>An unencrypted OpenSSH ed25519 key (seeded, so the sample is stable).</summary>
    public static string OpenSshEd25519(int seed)
    {
        var random = new Random(seed);
        var publicKey = Bytes(random, 32);
        var privateKey = Bytes(random, 32);
        var publicBlob = new SshWire().String("ssh-ed25519").String(publicKey).ToArray();
        var check = (uint)random.Next();
        var section = new SshWire().UInt32(check).UInt32(check).String("ssh-ed25519").String(publicKey)
            .String([.. privateKey, .. publicKey]).String("deploy@build").Pad(8).ToArray();
        var body = new SshWire().Raw("openssh-key-v1\0"u8.ToArray()).String("none").String("none").String([])
            .UInt32(1).String(publicBlob).String(section).ToArray();
        return Pem("OPENSSH PRIVATE KEY", body, 70);
    }

    /// <summary>An encrypted OpenSSH key: only its framing can be checked, so it is reported as weakened.</summary>
    public static string OpenSshEncrypted(int seed)
    {
        var random = new Random(seed);
        var publicBlob = new SshWire().String("ssh-ed25519").String(Bytes(random, 32)).ToArray();
        var kdfOptions = new SshWire().String(Bytes(random, 16)).UInt32(24).ToArray();
        var body = new SshWire().Raw("openssh-key-v1\0"u8.ToArray()).String("aes256-ctr").String("bcrypt").String(kdfOptions)
            .UInt32(1).String(publicBlob).String(Bytes(random, 144)).ToArray();
        return Pem("OPENSSH PRIVATE KEY", body, 70);
    }

    /// <summary>A PKCS#8 EncryptedPrivateKeyInfo (PBES2, PBKDF2, AES-256-CBC) around random bytes.</summary>
    public static string EncryptedPkcs8(int seed)
    {
        var random = new Random(seed);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(KeyOids.Pbes2);
                using (writer.PushSequence())
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(KeyOids.Pbkdf2);
                        using (writer.PushSequence())
                        {
                            writer.WriteOctetString(Bytes(random, 16));
                            writer.WriteInteger(2048);
                            using (writer.PushSequence())
                            {
                                writer.WriteObjectIdentifier("1.2.840.113549.2.9");
                                writer.WriteNull();
                            }
                        }
                    }
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier("2.16.840.1.101.3.4.1.42");
                        writer.WriteOctetString(Bytes(random, 16));
                    }
                }
            }
            writer.WriteOctetString(Bytes(random, 1232));
        }
        return Pem("ENCRYPTED PRIVATE KEY", writer.Encode(), 64);
    }

    /// <summary>A legacy OpenSSL-encrypted RSA key (Proc-Type and DEK-Info headers).</summary>
    public static string LegacyEncryptedRsa(int seed)
    {
        var random = new Random(seed);
        var iv = Convert.ToHexString(Bytes(random, 16));
        var text = new StringBuilder(Armor("BEGIN", "RSA PRIVATE KEY")).Append('\n')
            .Append("Proc-Type: 4,ENCRYPTED\n").Append("DEK-Info: AES-128-CBC,").Append(iv).Append("\n\n")
            .Append(Lines(Convert.ToBase64String(Bytes(random, 1200)), 64));
        return text.Append(Armor("END", "RSA PRIVATE KEY")).Append('\n').ToString();
    }

    /// <summary>An ASCII-armored OpenPGP secret key block (an RSA secret-key packet) with its CRC-24 line.</summary>
    public static string PgpSecretKey(int seed, bool protectedKey = false)
    {
        var random = new Random(seed);
        var modulus = Bytes(random, 256);
        modulus[0] |= 0x80;
        var packet = new List<byte> { 4 };
        packet.AddRange(Bytes(random, 4));                      // creation time
        packet.Add(1);                                           // RSA
        packet.AddRange([0x08, 0x00]);                           // 2048-bit modulus
        packet.AddRange(modulus);
        packet.AddRange([0x00, 0x11, 0x01, 0x00, 0x01]);         // e = 65537
        packet.Add(protectedKey ? (byte)254 : (byte)0);          // S2K usage
        packet.AddRange(Bytes(random, 600));                     // the secret part
        var data = new List<byte> { 0x95, (byte)(packet.Count >> 8), (byte)packet.Count };
        data.AddRange(packet);
        var bytes = data.ToArray();
        var crc = Crc24.Compute(bytes);
        var checksum = Convert.ToBase64String([(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
        return string.Concat(
            Armor("BEGIN", "PGP PRIVATE KEY BLOCK"), "\n\n",
            Lines(Convert.ToBase64String(bytes), 64),
            "=", checksum, "\n",
            Armor("END", "PGP PRIVATE KEY BLOCK"), "\n");
    }

    /// <summary>An unencrypted PuTTY ed25519 key file (format 3) whose MAC is right.</summary>
    public static string PuttyEd25519(int seed)
    {
        var random = new Random(seed);
        var publicBlob = new SshWire().String("ssh-ed25519").String(Bytes(random, 32)).ToArray();
        var privateBlob = new SshWire().String(Bytes(random, 32)).ToArray();
        const string Comment = "eddsa-key-20240102";
        var mac = Convert.ToHexStringLower(PuttyPrivateKey.Mac("3", "ssh-ed25519", "none", Comment, publicBlob, privateBlob));
        var publicLines = Lines(Convert.ToBase64String(publicBlob), 64);
        var privateLines = Lines(Convert.ToBase64String(privateBlob), 64);
        return string.Concat(
            "PuTTY-User-Key-", "File-3: ssh-ed25519\n",
            "Encryption: none\n",
            "Comment: ", Comment, "\n",
            "Public-Lines: ", LineCount(publicLines), "\n", publicLines,
            "Private-Lines: ", LineCount(privateLines), "\n", privateLines,
            "Private-MAC: ", mac, "\n");
    }

    /// <summary>Line breaks written as the two characters \n, as in a JSON string.</summary>
    public static string JsonEscaped(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Pem(string label, byte[] body, int width) =>
        string.Concat(Armor("BEGIN", label), "\n", Lines(Convert.ToBase64String(body), width), Armor("END", label), "\n");

    private static string Lines(string base64, int width)
    {
        var text = new StringBuilder();
        for (var i = 0; i < base64.Length; i += width)
            text.Append(base64.AsSpan(i, Math.Min(width, base64.Length - i))).Append('\n');
        return text.ToString();
    }

    private static string LineCount(string lines) =>
        lines.Count(c => c == '\n').ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The SSH wire encoding (RFC 4251), as much of it as the samples need.</summary>
    private sealed class SshWire
    {
        private readonly List<byte> _bytes = [];

        public SshWire Raw(byte[] bytes)
        {
            _bytes.AddRange(bytes);
            return this;
        }

        public SshWire UInt32(uint value)
        {
            var buffer = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
            return Raw(buffer);
        }

        public SshWire String(byte[] bytes) => UInt32((uint)bytes.Length).Raw(bytes);

        public SshWire String(string text) => String(Encoding.ASCII.GetBytes(text));

        /// <summary>Padding bytes 1, 2, 3 ... up to a multiple of <paramref name="block"/>.</summary>
        public SshWire Pad(int block)
        {
            for (byte i = 1; _bytes.Count % block != 0; i++)
                _bytes.Add(i);
            return this;
        }

        public byte[] ToArray() => [.. _bytes];
    }
}
