using System.Numerics;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Parses OpenSSH's own private key format (the body of <c>OPENSSH PRIVATE KEY</c>):
/// "openssh-key-v1\0", cipher name, KDF name and options, the key count, the public keys, then
/// the private section, encrypted unless the cipher is "none".
/// </summary>
/// <remarks>
/// An unencrypted private section is checked in full: two equal check numbers, each key's type
/// matching its public key, the fields of that type, a comment, and padding bytes 1, 2, 3 ...
/// For an encrypted one only the framing can be checked: a known cipher and KDF, and a length
/// that is a whole number of cipher blocks.
/// </remarks>
internal static class OpenSshPrivateKey
{
    private static readonly byte[] Magic = "openssh-key-v1\0"u8.ToArray();

    // Cipher name → (block size, authentication tag appended after the private section).
    private static readonly Dictionary<string, (int Block, int Tag)> Ciphers = new(StringComparer.Ordinal)
    {
        ["aes128-ctr"] = (16, 0),
        ["aes192-ctr"] = (16, 0),
        ["aes256-ctr"] = (16, 0),
        ["aes128-cbc"] = (16, 0),
        ["aes192-cbc"] = (16, 0),
        ["aes256-cbc"] = (16, 0),
        ["3des-cbc"] = (8, 0),
        ["aes128-gcm@openssh.com"] = (16, 16),
        ["aes256-gcm@openssh.com"] = (16, 16),
        ["chacha20-poly1305@openssh.com"] = (8, 16),
    };

    /// <summary>Describes the key ("ed25519", "RSA 3072-bit") and whether it is encrypted; throws <see cref="KeyFormatException"/>.</summary>
    public static (string Description, string? Encryption) Describe(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw new KeyFormatException("not an OpenSSH key (no magic)");
        }

        var reader = new SshWireReader(body[Magic.Length..]);
        string cipher = reader.ReadAscii();
        string kdf = reader.ReadAscii();
        ReadOnlySpan<byte> kdfOptions = reader.ReadString();
        uint count = reader.ReadUInt32();
        if (count is 0 or > 16)
        {
            throw new KeyFormatException("OpenSSH key with an impossible key count");
        }

        var types = new string[count];
        var publicBlobs = new byte[count][];
        string description = "";
        for (int i = 0; i < count; i++)
        {
            publicBlobs[i] = reader.ReadString().ToArray();
            (types[i], string described) = SshKeyTypes.Describe(publicBlobs[i]);
            description = i == 0 ? described : description;
        }

        ReadOnlySpan<byte> privateSection = reader.ReadString();
        if (cipher == "none")
        {
            if (kdf != "none" || kdfOptions.Length != 0 || reader.Remaining != 0)
            {
                throw new KeyFormatException("unencrypted OpenSSH key with encryption fields");
            }

            CheckPrivateSection(privateSection, types, publicBlobs);
            return (description, null);
        }

        if (!Ciphers.TryGetValue(cipher, out var known) || kdf != "bcrypt")
        {
            throw new KeyFormatException("OpenSSH key with an unknown cipher or KDF");
        }

        var options = new SshWireReader(kdfOptions);
        if (options.ReadString().Length == 0 || options.ReadUInt32() == 0 || options.Remaining != 0)
        {
            throw new KeyFormatException("OpenSSH key with malformed KDF options");
        }

        if (privateSection.Length == 0 || privateSection.Length % known.Block != 0 || reader.Remaining != known.Tag)
        {
            throw new KeyFormatException("encrypted OpenSSH key of an impossible length");
        }

        return (description, $"{cipher}, bcrypt");
    }

    private static void CheckPrivateSection(ReadOnlySpan<byte> section, string[] types, byte[][] publicBlobs)
    {
        if (section.Length % 8 != 0)
        {
            throw new KeyFormatException("OpenSSH private section of an impossible length");
        }

        var reader = new SshWireReader(section);
        if (reader.ReadUInt32() != reader.ReadUInt32())
        {
            throw new KeyFormatException("OpenSSH private section whose check numbers differ");
        }

        for (int i = 0; i < types.Length; i++)
        {
            string type = types[i];
            if (reader.ReadAscii() != type)
            {
                throw new KeyFormatException("OpenSSH private key whose type does not match its public key");
            }

            if (type is "ssh-ed25519" or "ssh-rsa")
            {
                CheckConsistency(ref reader, type, publicBlobs[i]);
            }
            else if (!SshKeyTypes.SkipPrivateFields(ref reader, type))
            {
                return;                         // a type we cannot walk: stop at what was checked
            }

            reader.ReadString();                // comment
        }

        ReadOnlySpan<byte> padding = reader.Rest;
        for (int i = 0; i < padding.Length; i++)
        {
            if (padding[i] != i + 1)
            {
                throw new KeyFormatException("OpenSSH private section with bad padding");
            }
        }
    }

    private static void CheckConsistency(ref SshWireReader reader, string type, byte[] publicBlob)
    {
        var published = new SshWireReader(publicBlob);
        published.ReadString();                 // key type
        if (type == "ssh-ed25519")
        {
            // The 64-byte private key is the seed followed by the public key.
            ReadOnlySpan<byte> publicKey = reader.ReadString();
            ReadOnlySpan<byte> privateKey = reader.ReadString();
            if (publicKey.Length != 32 || privateKey.Length != 64 || !privateKey[32..].SequenceEqual(publicKey)
                || !publicKey.SequenceEqual(published.ReadString()))
            {
                throw new KeyFormatException("ed25519 private key that does not match its public key");
            }

            return;
        }

        BigInteger n = reader.ReadMpint();
        reader.ReadMpint();                     // e
        reader.ReadMpint();                     // d
        reader.ReadMpint();                     // iqmp
        BigInteger p = reader.ReadMpint(), q = reader.ReadMpint();
        published.ReadMpint();                  // e
        if (n != published.ReadMpint() || (n.GetBitLength() <= 16384 && p * q != n))
        {
            throw new KeyFormatException("RSA key whose modulus is not the product of its primes");
        }
    }
}
