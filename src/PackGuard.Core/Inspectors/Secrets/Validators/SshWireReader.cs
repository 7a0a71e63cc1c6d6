using System.Buffers.Binary;
using System.Numerics;

namespace PackGuard.Inspectors.Secrets.Validators;

/// <summary>
/// Reads the SSH wire encoding (RFC 4251): big-endian uint32s, and strings and mpints as a
/// uint32 length followed by that many bytes. Running off the end is a <see cref="KeyFormatException"/>.
/// </summary>
internal ref struct SshWireReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>How many bytes are left.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>The bytes not read yet.</summary>
    public readonly ReadOnlySpan<byte> Rest => _data[_position..];

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        Need(1);
        return _data[_position++];
    }

    /// <summary>Reads a big-endian uint32.</summary>
    public uint ReadUInt32()
    {
        Need(4);
        uint value = BinaryPrimitives.ReadUInt32BigEndian(_data.Slice(_position, 4));
        _position += 4;
        return value;
    }

    /// <summary>Reads a length-prefixed string.</summary>
    public ReadOnlySpan<byte> ReadString()
    {
        uint length = ReadUInt32();
        if (length > (uint)Remaining)
        {
            throw new KeyFormatException("truncated");
        }

        ReadOnlySpan<byte> value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    /// <summary>Reads a length-prefixed string as ASCII text (for names such as key types and ciphers).</summary>
    public string ReadAscii()
    {
        ReadOnlySpan<byte> bytes = ReadString();
        foreach (byte b in bytes)
        {
            if (b is < 0x20 or > 0x7E)
            {
                throw new KeyFormatException("malformed name");
            }
        }

        return System.Text.Encoding.ASCII.GetString(bytes);
    }

    /// <summary>Reads an mpint as a non-negative integer.</summary>
    public BigInteger ReadMpint() => new(ReadString(), isUnsigned: true, isBigEndian: true);

    private readonly void Need(int count)
    {
        if (Remaining < count)
        {
            throw new KeyFormatException("truncated");
        }
    }
}
