using System.Formats.Asn1;
using System.Security.Cryptography;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Checks a whole PEM private key block: RSA (PKCS#1), EC (SEC1), DSA, PKCS#8, encrypted PKCS#8,
/// legacy encrypted PEM, and OpenSSH keys. Valid when the key parses (and, where cheap, when its
/// parts agree, such as an RSA modulus and its primes); an encrypted key is valid but weakened,
/// since only its framing can be checked.
/// </summary>
internal sealed class PemPrivateKey : ISecretValidator
{
    /// <summary>The shared instance.</summary>
    public static readonly ISecretValidator Instance = new PemPrivateKey();

    /// <summary>Larger blocks are not parsed: no private key comes near this size.</summary>
    public const int MaxLength = 64 * 1024;

    private PemPrivateKey()
    {
    }

    /// <inheritdoc />
    public Validation Validate(string secret) => DetailGuard.Run(secret, Check);

    private static Validation Check(string secret)
    {
        if (secret.Length > MaxLength)
        {
            return Validation.NotChecked with { Detail = "too large to check" };
        }

        PemBlock? block = PemBlock.TryParse(secret, out string? error);
        if (block is null)
        {
            return error is null ? Validation.NotChecked : Validation.Invalid($"PEM private key, {error}");
        }

        try
        {
            return Describe(block);
        }
        catch (KeyFormatException e)
        {
            return Validation.Invalid($"PEM private key, {e.Message}");
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            return Validation.Invalid("PEM private key whose structure does not parse");
        }
    }

    private static Validation Describe(PemBlock block)
    {
        bool legacyEncrypted = block.Headers.TryGetValue("Proc-Type", out string? procType)
            && procType.Contains("ENCRYPTED", StringComparison.OrdinalIgnoreCase);

        switch (block.Label)
        {
            case "RSA PRIVATE KEY" or "EC PRIVATE KEY" or "DSA PRIVATE KEY" when legacyEncrypted:
                string algorithm = block.Label[..block.Label.IndexOf(' ')];
                string cipher = EncryptedKeyFormats.LegacyPem(block.Headers, block.Body);
                return Encrypted($"{algorithm} private key, encrypted (legacy PEM, {cipher})");
            case "RSA PRIVATE KEY":
                return Plain($"{Asn1PrivateKeys.Rsa(block.Body)} private key");
            case "EC PRIVATE KEY":
                return Plain($"{Asn1PrivateKeys.Ec(block.Body)} private key");
            case "DSA PRIVATE KEY":
                return Plain($"{Asn1PrivateKeys.Dsa(block.Body)} private key");
            case "PRIVATE KEY":
                return Plain($"{Asn1PrivateKeys.Pkcs8(block.Body)} private key (PKCS#8)");
            case "ENCRYPTED PRIVATE KEY":
                return Encrypted($"PKCS#8 private key, encrypted ({EncryptedKeyFormats.Pkcs8(block.Body)})");
            case "OPENSSH PRIVATE KEY":
                (string key, string? encryption) = OpenSshPrivateKey.Describe(block.Body);
                return encryption is null
                    ? Plain($"OpenSSH {key} private key")
                    : Encrypted($"OpenSSH {key} private key, encrypted ({encryption})");
            default:
                return Validation.NotChecked with { Detail = "PEM block of an unrecognised kind" };
        }
    }

    private static Validation Plain(string description) => Validation.Valid($"{description}, not encrypted");

    private static Validation Encrypted(string description) => Validation.Valid(description) with { Weakened = true };
}
