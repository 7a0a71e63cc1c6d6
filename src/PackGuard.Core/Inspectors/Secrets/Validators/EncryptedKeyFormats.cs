using System.Formats.Asn1;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Structure checks for password-protected private keys, which cannot be opened without the
/// password: PKCS#8 EncryptedPrivateKeyInfo and the legacy OpenSSL PEM encryption headers.
/// Each returns a description of the protection, or throws <see cref="KeyFormatException"/>.
/// </summary>
internal static class EncryptedKeyFormats
{
    // Legacy "DEK-Info" cipher names: display name and block size (also the IV length).
    private static readonly Dictionary<string, (string Name, int Block)> LegacyCiphers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AES-128-CBC"] = ("128-bit AES", 16),
        ["AES-192-CBC"] = ("192-bit AES", 16),
        ["AES-256-CBC"] = ("256-bit AES", 16),
        ["DES-EDE3-CBC"] = ("Triple DES", 8),
        ["DES-CBC"] = ("single DES", 8),
        ["DES-EDE-CBC"] = ("two-key Triple DES", 8),
        ["RC2-CBC"] = ("RC2", 8),
        ["CAMELLIA-256-CBC"] = ("256-bit Camellia", 16),
        ["CAMELLIA-128-CBC"] = ("128-bit Camellia", 16),
    };

    /// <summary>PKCS#8 EncryptedPrivateKeyInfo: an algorithm identifier and non-empty encrypted data.</summary>
    public static string Pkcs8(ReadOnlyMemory<byte> der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.BER);
        AsnReader info = reader.ReadSequence();
        reader.ThrowIfNotEmpty();

        AsnReader algorithm = info.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        byte[] encrypted = info.ReadOctetString();
        info.ThrowIfNotEmpty();

        string scheme;
        int block;
        if (oid == KeyOids.Pbes2)
        {
            AsnReader parameters = algorithm.ReadSequence();
            AsnReader kdf = parameters.ReadSequence();
            string kdfOid = kdf.ReadObjectIdentifier();
            AsnReader cipher = parameters.ReadSequence();
            string cipherOid = cipher.ReadObjectIdentifier();
            string kdfName = kdfOid switch
            {
                KeyOids.Pbkdf2 => "PBKDF2",
                KeyOids.Scrypt => "scrypt",
                _ => throw new KeyFormatException("encrypted key with an unknown key derivation"),
            };
            (string cipherName, block) = KeyOids.Ciphers.TryGetValue(cipherOid, out var known)
                ? known
                : throw new KeyFormatException("encrypted key with an unknown cipher");
            scheme = $"PBES2, {kdfName}, {cipherName}";
        }
        else if (KeyOids.LegacyPbes.TryGetValue(oid, out var legacy))
        {
            (scheme, block) = legacy;
        }
        else
        {
            throw new KeyFormatException("encrypted key with an unknown scheme");
        }

        if (encrypted.Length == 0 || encrypted.Length % block != 0)
        {
            throw new KeyFormatException("encrypted key of an impossible length");
        }

        return scheme;
    }

    /// <summary>
    /// A legacy encrypted PEM key (<c>Proc-Type: 4,ENCRYPTED</c> and <c>DEK-Info: cipher,iv</c>):
    /// a known cipher, an IV of its block size, and a body that is a whole number of blocks.
    /// </summary>
    public static string LegacyPem(IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        if (!headers.TryGetValue("DEK-Info", out string? dekInfo))
        {
            throw new KeyFormatException("encrypted PEM key without DEK-Info");
        }

        int comma = dekInfo.IndexOf(',');
        string cipher = comma < 0 ? dekInfo : dekInfo[..comma].Trim();
        string iv = comma < 0 ? "" : dekInfo[(comma + 1)..].Trim();
        if (!LegacyCiphers.TryGetValue(cipher, out var known))
        {
            throw new KeyFormatException("encrypted PEM key with an unknown cipher");
        }

        if (iv.Length != 2 * known.Block || !IsHex(iv))
        {
            throw new KeyFormatException("encrypted PEM key with a malformed IV");
        }

        if (body.Length == 0 || body.Length % known.Block != 0)
        {
            throw new KeyFormatException("encrypted PEM key of an impossible length");
        }

        return known.Name;
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
