using System.Formats.Asn1;
using System.Numerics;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Parses DER private keys (PKCS#1 RSA, SEC1 EC, OpenSSL DSA, PKCS#8) far enough to name them
/// and to tell a real key from random bytes. Each method returns a description such as
/// "RSA 2048-bit" or throws <see cref="KeyFormatException"/> (or <see cref="AsnContentException"/>).
/// </summary>
internal static class Asn1PrivateKeys
{
    // Consistency checks multiply or exponentiate; above this size they are skipped, not slow.
    private const int MaxCheckedBits = 16384;

    private static readonly Asn1Tag Explicit0 = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>A PKCS#1 RSAPrivateKey; checks that the modulus is the product of its primes.</summary>
    public static string Rsa(ReadOnlyMemory<byte> der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.BER);
        AsnReader key = reader.ReadSequence();
        reader.ThrowIfNotEmpty();

        BigInteger version = key.ReadInteger();
        BigInteger n = key.ReadInteger(), e = key.ReadInteger(), d = key.ReadInteger();
        BigInteger p = key.ReadInteger(), q = key.ReadInteger();
        key.ReadInteger();
        key.ReadInteger();
        key.ReadInteger();
        if (version == 1 && key.HasData)
        {
            key.ReadSequence();                 // otherPrimeInfos of a multi-prime key
        }

        key.ThrowIfNotEmpty();

        long bits = n.Sign > 0 ? (long)n.GetBitLength() : 0;
        if (version > 1 || bits < 256 || e <= 1 || d.Sign <= 0 || p <= 1 || q <= 1)
        {
            throw new KeyFormatException("RSA key with impossible values");
        }

        if (version == 0 && bits <= MaxCheckedBits && p * q != n)
        {
            throw new KeyFormatException("RSA key whose modulus is not the product of its primes");
        }

        return $"RSA {bits}-bit";
    }

    /// <summary>A SEC1 ECPrivateKey; <paramref name="outerCurveOid"/> is the curve named by a PKCS#8 wrapper.</summary>
    public static string Ec(ReadOnlyMemory<byte> der, string? outerCurveOid = null)
    {
        var reader = new AsnReader(der, AsnEncodingRules.BER);
        AsnReader key = reader.ReadSequence();
        reader.ThrowIfNotEmpty();

        if (key.ReadInteger() != 1)
        {
            throw new KeyFormatException("EC key of an unknown version");
        }

        byte[] scalar = key.ReadOctetString();
        string? curveOid = outerCurveOid;
        bool explicitCurve = false;
        if (key.HasData && key.PeekTag().HasSameClassAndValue(Explicit0))
        {
            AsnReader parameters = key.ReadSequence(Explicit0);
            if (parameters.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
            {
                curveOid = parameters.ReadObjectIdentifier();
            }
            else
            {
                parameters.ReadEncodedValue();
                explicitCurve = true;
            }
        }

        if (key.HasData)
        {
            key.ReadEncodedValue();             // [1] public key
        }

        key.ThrowIfNotEmpty();
        if (scalar.Length == 0 || !scalar.AsSpan().ContainsAnyExcept((byte)0))
        {
            throw new KeyFormatException("EC key with an empty private value");
        }

        if (curveOid is not null && KeyOids.Curves.TryGetValue(curveOid, out var curve))
        {
            if (scalar.Length > curve.Bytes + 1)
            {
                throw new KeyFormatException("EC key too long for its curve");
            }

            return $"EC {curve.Name}";
        }

        return explicitCurve ? "EC (explicit curve parameters)" : "EC (unrecognised curve)";
    }

    /// <summary>OpenSSL's DSA private key: version, p, q, g, public y, private x.</summary>
    public static string Dsa(ReadOnlyMemory<byte> der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.BER);
        AsnReader key = reader.ReadSequence();
        reader.ThrowIfNotEmpty();

        if (key.ReadInteger() != 0)
        {
            throw new KeyFormatException("DSA key of an unknown version");
        }

        BigInteger p = key.ReadInteger(), q = key.ReadInteger(), g = key.ReadInteger();
        BigInteger y = key.ReadInteger(), x = key.ReadInteger();
        key.ThrowIfNotEmpty();

        CheckDsa(p, q, g, x);
        if (p.GetBitLength() <= MaxCheckedBits && BigInteger.ModPow(g, x, p) != y)
        {
            throw new KeyFormatException("DSA key whose public value does not match");
        }

        return $"DSA {p.GetBitLength()}-bit";
    }

    /// <summary>A PKCS#8 PrivateKeyInfo (or OneAsymmetricKey); returns the description of the key inside.</summary>
    public static string Pkcs8(ReadOnlyMemory<byte> der)
    {
        var reader = new AsnReader(der, AsnEncodingRules.BER);
        AsnReader info = reader.ReadSequence();
        reader.ThrowIfNotEmpty();

        BigInteger version = info.ReadInteger();
        AsnReader algorithm = info.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        ReadOnlyMemory<byte>? parameters = algorithm.HasData ? algorithm.ReadEncodedValue() : null;
        byte[] privateKey = info.ReadOctetString();
        while (info.HasData)
        {
            info.ReadEncodedValue();            // [0] attributes, [1] public key
        }

        if (version < 0 || version > 1)
        {
            throw new KeyFormatException("PKCS#8 key of an unknown version");
        }

        return oid switch
        {
            KeyOids.Rsa => Rsa(privateKey),
            KeyOids.RsaPss => Rsa(privateKey).Replace("RSA", "RSA-PSS", StringComparison.Ordinal),
            KeyOids.Ec => Ec(privateKey, CurveOid(parameters)),
            KeyOids.Dsa => Pkcs8Dsa(privateKey, parameters),
            _ when KeyOids.RawKeys.TryGetValue(oid, out var raw) => RawKey(privateKey, raw.Name, raw.Bytes),
            _ when KeyOids.OtherKeys.TryGetValue(oid, out string? name) => name,
            _ => "unrecognised algorithm",
        };
    }

    private static string? CurveOid(ReadOnlyMemory<byte>? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        var reader = new AsnReader(parameters.Value, AsnEncodingRules.BER);
        return reader.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier) ? reader.ReadObjectIdentifier() : null;
    }

    private static string Pkcs8Dsa(byte[] privateKey, ReadOnlyMemory<byte>? parameters)
    {
        if (parameters is null)
        {
            throw new KeyFormatException("DSA key without its parameters");
        }

        AsnReader domain = new AsnReader(parameters.Value, AsnEncodingRules.BER).ReadSequence();
        BigInteger p = domain.ReadInteger(), q = domain.ReadInteger(), g = domain.ReadInteger();
        var xReader = new AsnReader(privateKey, AsnEncodingRules.BER);
        BigInteger x = xReader.ReadInteger();
        xReader.ThrowIfNotEmpty();

        CheckDsa(p, q, g, x);
        return $"DSA {p.GetBitLength()}-bit";
    }

    private static void CheckDsa(BigInteger p, BigInteger q, BigInteger g, BigInteger x)
    {
        // Real subgroups are 160 to 256 bits; a larger q would make the public-value check slow.
        if (p <= 3 || q <= 1 || q.GetBitLength() > 512 || g <= 1 || g >= p || x <= 0 || x >= q)
        {
            throw new KeyFormatException("DSA key with impossible values");
        }
    }

    private static string RawKey(byte[] privateKey, string name, int length)
    {
        // The PKCS#8 private key of these algorithms is itself an OCTET STRING (RFC 8410).
        var reader = new AsnReader(privateKey, AsnEncodingRules.BER);
        byte[] raw = reader.ReadOctetString();
        reader.ThrowIfNotEmpty();
        if (raw.Length != length)
        {
            throw new KeyFormatException($"{name} key of the wrong length");
        }

        return name;
    }
}
