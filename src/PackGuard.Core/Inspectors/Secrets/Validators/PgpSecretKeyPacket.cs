using System.Buffers.Binary;
using System.Formats.Asn1;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Reads the first OpenPGP packet of a decoded key block (RFC 4880 / RFC 9580) far enough to tell
/// whether it is a secret-key packet (tag 5), which algorithm and size the key is, and whether
/// its secret part is protected by a passphrase (the S2K usage octet after the public part).
/// </summary>
internal static class PgpSecretKeyPacket
{
    private const int SecretKeyTag = 5;

    /// <summary>Describes the first packet if it is a secret key; null when it is not one or does not parse.</summary>
    public static (string Algorithm, bool Protected)? TryDescribe(ReadOnlySpan<byte> data)
    {
        try
        {
            ReadOnlySpan<byte> body = FirstPacket(data, out int tag);
            return tag == SecretKeyTag ? Describe(body) : null;
        }
        catch (KeyFormatException)
        {
            return null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static ReadOnlySpan<byte> FirstPacket(ReadOnlySpan<byte> data, out int tag)
    {
        if (data.Length < 2 || (data[0] & 0x80) == 0)
        {
            throw new KeyFormatException("not an OpenPGP packet");
        }

        int header = data[0];
        int length, offset;
        if ((header & 0x40) != 0)
        {
            tag = header & 0x3F;                // new format: one-, two- or five-octet length
            int first = data[1];
            (length, offset) = first switch
            {
                < 192 => (first, 2),
                < 224 when data.Length > 2 => (((first - 192) << 8) + data[2] + 192, 3),
                255 when data.Length > 5 => ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[2..6]), int.MaxValue), 6),
                _ => throw new KeyFormatException("unsupported packet length"),
            };
        }
        else
        {
            tag = (header >> 2) & 0x0F;         // old format: the low two bits give the length's size
            (length, offset) = (header & 3) switch
            {
                0 => (data[1], 2),
                1 when data.Length > 2 => (BinaryPrimitives.ReadUInt16BigEndian(data[1..3]), 3),
                2 when data.Length > 4 => ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[1..5]), int.MaxValue), 5),
                3 => (data.Length - 1, 1),
                _ => throw new KeyFormatException("truncated packet header"),
            };
        }

        if (length > data.Length - offset)
        {
            throw new KeyFormatException("truncated packet");
        }

        return data.Slice(offset, length);
    }

    private static (string, bool) Describe(ReadOnlySpan<byte> body)
    {
        var reader = new PgpReader(body);
        int version = reader.Byte();
        reader.Skip(4);                         // creation time
        if (version == 3)
        {
            reader.Skip(2);                     // validity days
        }
        else if (version is not (4 or 5 or 6))
        {
            throw new KeyFormatException("unknown key packet version");
        }

        int algorithm = reader.Byte();
        int materialEnd = -1;
        if (version >= 5)
        {
            materialEnd = reader.Position + (int)Math.Min(reader.UInt32(), int.MaxValue);
        }

        string description = PublicMaterial(ref reader, algorithm);
        if (materialEnd >= 0 && reader.Position != materialEnd)
        {
            throw new KeyFormatException("key material of the wrong length");
        }

        int usage = reader.Byte();
        return (description, usage != 0);
    }

    private static string PublicMaterial(ref PgpReader reader, int algorithm)
    {
        switch (algorithm)
        {
            case 1 or 2 or 3:
                int bits = reader.Mpi();
                reader.Mpi();
                return $"RSA {bits}-bit";
            case 17:
                int dsaBits = reader.Mpi();
                reader.Mpi();
                reader.Mpi();
                reader.Mpi();
                return $"DSA {dsaBits}-bit";
            case 16 or 20:
                int elgamalBits = reader.Mpi();
                reader.Mpi();
                reader.Mpi();
                return $"Elgamal {elgamalBits}-bit";
            case 18 or 19 or 22:
                string curve = reader.CurveName();
                reader.Mpi();
                if (algorithm == 18)
                {
                    reader.Skip(reader.Byte()); // KDF parameters
                }

                return $"{(algorithm switch { 18 => "ECDH", 19 => "ECDSA", _ => "EdDSA" })} {curve}";
            case 25 or 26 or 27 or 28:
                (string name, int size) = algorithm switch { 25 => ("X25519", 32), 26 => ("X448", 56), 27 => ("Ed25519", 32), _ => ("Ed448", 57) };
                reader.Skip(size);
                return name;
            default:
                throw new KeyFormatException("unknown public key algorithm");
        }
    }
}
