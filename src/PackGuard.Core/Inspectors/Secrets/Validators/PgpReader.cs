using System.Buffers.Binary;
using System.Formats.Asn1;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>Reads the fields of an OpenPGP key packet; running off the end is a <see cref="KeyFormatException"/>.</summary>
internal ref struct PgpReader(ReadOnlySpan<byte> data)
{
    private static readonly Dictionary<string, string> Curves = new(StringComparer.Ordinal)
    {
        ["1.2.840.10045.3.1.7"] = "P-256",
        ["1.3.132.0.34"] = "P-384",
        ["1.3.132.0.35"] = "P-521",
        ["1.3.132.0.10"] = "secp256k1",
        ["1.3.36.3.3.2.8.1.1.7"] = "brainpoolP256r1",
        ["1.3.36.3.3.2.8.1.1.11"] = "brainpoolP384r1",
        ["1.3.36.3.3.2.8.1.1.13"] = "brainpoolP512r1",
        ["1.3.6.1.4.1.11591.15.1"] = "Ed25519",
        ["1.3.101.112"] = "Ed25519",
        ["1.3.6.1.4.1.3029.1.5.1"] = "Curve25519",
        ["1.3.101.110"] = "Curve25519",
    };

    private readonly ReadOnlySpan<byte> _data = data;

    /// <summary>The offset of the next byte.</summary>
    public int Position { get; private set; }

    /// <summary>Reads one byte.</summary>
    public int Byte()
    {
        Need(1);
        return _data[Position++];
    }

    /// <summary>Reads a big-endian uint32.</summary>
    public uint UInt32()
    {
        Need(4);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(_data.Slice(Position, 4));
        Position += 4;
        return value;
    }

    /// <summary>Skips <paramref name="count"/> bytes.</summary>
    public void Skip(int count)
    {
        Need(count);
        Position += count;
    }

    /// <summary>Skips a multiprecision integer and returns its bit count.</summary>
    public int Mpi()
    {
        Need(2);
        int bits = BinaryPrimitives.ReadUInt16BigEndian(_data.Slice(Position, 2));
        Position += 2;
        Skip((bits + 7) / 8);
        return bits;
    }

    /// <summary>Reads a length-prefixed curve OID and names it.</summary>
    public string CurveName()
    {
        int length = Byte();
        if (length is 0 or 0xFF)
        {
            throw new KeyFormatException("reserved curve OID length");
        }

        Need(length);
        byte[] der = [0x06, (byte)length, .. _data.Slice(Position, length)];
        Position += length;
        string oid = new AsnReader(der, AsnEncodingRules.DER).ReadObjectIdentifier();
        return Curves.TryGetValue(oid, out string? name) ? name : "(unrecognised curve)";
    }

    private readonly void Need(int count)
    {
        if (count < 0 || _data.Length - Position < count)
        {
            throw new KeyFormatException("truncated key packet");
        }
    }
}
