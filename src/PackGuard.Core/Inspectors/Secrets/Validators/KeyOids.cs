namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>Names for the object identifiers found in private key structures.</summary>
internal static class KeyOids
{
    public const string Rsa = "1.2.840.113549.1.1.1";
    public const string RsaPss = "1.2.840.113549.1.1.10";
    public const string Ec = "1.2.840.10045.2.1";
    public const string Dsa = "1.2.840.10040.4.1";
    public const string Pbes2 = "1.2.840.113549.1.5.13";
    public const string Pbkdf2 = "1.2.840.113549.1.5.12";
    public const string Scrypt = "1.3.6.1.4.1.11591.4.11";

    /// <summary>Named curves: display name and private scalar size in bytes.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, int Bytes)> Curves = new Dictionary<string, (string, int)>
    {
        ["1.2.840.10045.3.1.7"] = ("P-256", 32),
        ["1.3.132.0.34"] = ("P-384", 48),
        ["1.3.132.0.35"] = ("P-521", 66),
        ["1.3.132.0.33"] = ("P-224", 28),
        ["1.2.840.10045.3.1.1"] = ("P-192", 24),
        ["1.3.132.0.10"] = ("secp256k1", 32),
        ["1.3.36.3.3.2.8.1.1.7"] = ("brainpoolP256r1", 32),
        ["1.3.36.3.3.2.8.1.1.11"] = ("brainpoolP384r1", 48),
        ["1.3.36.3.3.2.8.1.1.13"] = ("brainpoolP512r1", 64),
        ["1.2.156.10197.1.301"] = ("SM2", 32),
    };

    /// <summary>Key algorithms whose PKCS#8 private key is an octet string of a fixed length.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, int Bytes)> RawKeys = new Dictionary<string, (string, int)>
    {
        ["1.3.101.112"] = ("Ed25519", 32),
        ["1.3.101.113"] = ("Ed448", 57),
        ["1.3.101.110"] = ("X25519", 32),
        ["1.3.101.111"] = ("X448", 56),
    };

    /// <summary>Other key algorithms PackGuard names but does not look inside.</summary>
    public static readonly IReadOnlyDictionary<string, string> OtherKeys = new Dictionary<string, string>
    {
        ["2.16.840.1.101.3.4.3.17"] = "ML-DSA-44",
        ["2.16.840.1.101.3.4.3.18"] = "ML-DSA-65",
        ["2.16.840.1.101.3.4.3.19"] = "ML-DSA-87",
        ["2.16.840.1.101.3.4.4.1"] = "ML-KEM-512",
        ["2.16.840.1.101.3.4.4.2"] = "ML-KEM-768",
        ["2.16.840.1.101.3.4.4.3"] = "ML-KEM-1024",
        ["1.2.840.113549.1.3.1"] = "Diffie-Hellman",
        ["1.2.840.10046.2.1"] = "Diffie-Hellman",
    };

    /// <summary>Symmetric ciphers of encrypted keys: display name and block size.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, int Block)> Ciphers = new Dictionary<string, (string, int)>
    {
        ["2.16.840.1.101.3.4.1.2"] = ("128-bit AES", 16),
        ["2.16.840.1.101.3.4.1.22"] = ("192-bit AES", 16),
        ["2.16.840.1.101.3.4.1.42"] = ("256-bit AES", 16),
        ["2.16.840.1.101.3.4.1.6"] = ("128-bit AES-GCM", 1),
        ["2.16.840.1.101.3.4.1.26"] = ("192-bit AES-GCM", 1),
        ["2.16.840.1.101.3.4.1.46"] = ("256-bit AES-GCM", 1),
        ["1.2.840.113549.3.7"] = ("Triple DES", 8),
        ["1.3.14.3.2.7"] = ("single DES", 8),
        ["1.2.840.113549.3.2"] = ("RC2", 8),
        ["1.2.156.10197.1.104.2"] = ("SM4", 16),
    };

    /// <summary>Older password-based schemes (PKCS#5 v1, PKCS#12) that fix the cipher in the OID.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, int Block)> LegacyPbes = new Dictionary<string, (string, int)>
    {
        ["1.2.840.113549.1.5.3"] = ("PBES1, single DES", 8),
        ["1.2.840.113549.1.5.6"] = ("PBES1, RC2", 8),
        ["1.2.840.113549.1.5.10"] = ("PBES1, single DES", 8),
        ["1.2.840.113549.1.5.11"] = ("PBES1, RC2", 8),
        ["1.2.840.113549.1.12.1.1"] = ("PKCS#12, RC4", 1),
        ["1.2.840.113549.1.12.1.2"] = ("PKCS#12, RC4", 1),
        ["1.2.840.113549.1.12.1.3"] = ("PKCS#12, Triple DES", 8),
        ["1.2.840.113549.1.12.1.4"] = ("PKCS#12, two-key Triple DES", 8),
        ["1.2.840.113549.1.12.1.5"] = ("PKCS#12, RC2", 8),
        ["1.2.840.113549.1.12.1.6"] = ("PKCS#12, RC2", 8),
    };
}
