using System.Security.Cryptography;
using System.Text;

namespace PackGuard.Inspectors.Secrets;

/// <summary>
/// Identifies a credential without revealing it: an HMAC-SHA256 of the secret under a key that
/// belongs to this installation. The same secret gets the same fingerprint on this machine run
/// after run (so a credential that leaks again is recognised as never rotated), and a different
/// one elsewhere (so fingerprints shared between teams cannot be matched against each other or
/// brute-forced without the key).
/// </summary>
public sealed class SecretFingerprinter
{
    /// <summary>Key length in bytes.</summary>
    public const int KeyLength = 32;

    private readonly byte[] _key;

    /// <summary>Creates a fingerprinter with an installation key.</summary>
    public SecretFingerprinter(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
            throw new ArgumentException("The fingerprint key must be at least 16 bytes.", nameof(key));
        _key = [.. key];
    }

    /// <summary>Whether the key is kept across runs (false when it could not be stored).</summary>
    public bool Persistent { get; init; } = true;

    /// <summary>A fingerprinter with a random key that lives only as long as the process.</summary>
    public static SecretFingerprinter Ephemeral() => new(RandomNumberGenerator.GetBytes(KeyLength)) { Persistent = false };

    /// <summary>32 hex digits identifying <paramref name="secret"/> on this installation.</summary>
    public string Fingerprint(string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret)).AsSpan(0, 16));
}
