using System.Buffers.Binary;
using System.Text;

namespace PackGuard.Inspectors.DebugSymbols.Elf;

/// <summary>Reads DWARF's encodings from a section; reading past the end sets <see cref="Failed"/> and yields zeros.</summary>
internal ref struct DwarfCursor(ReadOnlySpan<byte> data, long position, bool bigEndian)
{
    public const ulong FormBlock2 = 0x03;
    public const ulong FormBlock4 = 0x04;
    public const ulong FormData2 = 0x05;
    public const ulong FormData4 = 0x06;
    public const ulong FormData8 = 0x07;
    public const ulong FormString = 0x08;
    public const ulong FormBlock = 0x09;
    public const ulong FormBlock1 = 0x0A;
    public const ulong FormData1 = 0x0B;
    public const ulong FormStrp = 0x0E;
    public const ulong FormUdata = 0x0F;
    public const ulong FormStrx = 0x1A;
    public const ulong FormData16 = 0x1E;
    public const ulong FormLineStrp = 0x1F;
    public const ulong FormStrx1 = 0x25;
    public const ulong FormStrx4 = 0x28;

    private readonly ReadOnlySpan<byte> _data = data;

    public long Position { get; private set; } = position;

    public bool Failed { get; private set; }

    public byte U8() => Take(1) is { IsEmpty: false } b ? b[0] : (byte)0;

    public ushort U16() => Take(2) is { Length: 2 } b ? (bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b)) : (ushort)0;

    public uint U32() => Take(4) is { Length: 4 } b ? (bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b)) : 0;

    public ulong U64() => Take(8) is { Length: 8 } b ? (bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b)) : 0;

    public void Skip(long count) => Take(count);

    /// <summary>An unsigned LEB128 number; more than 64 bits of it is damage.</summary>
    public ulong Uleb()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (Position >= _data.Length || shift > 63)
            {
                Failed = true;
                return 0;
            }
            var b = _data[(int)Position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return value;
        }
    }

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    public string CString()
    {
        if (Position >= _data.Length)
        {
            Failed = true;
            return "";
        }
        var rest = _data[(int)Position..];
        var end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            Failed = true;
            Position = _data.Length;
            return "";
        }
        Position += end + 1;
        return Encoding.UTF8.GetString(rest[..end]);
    }

    /// <summary>
    /// Reads a value of the given form: inline strings as <paramref name="text"/>, offsets and
    /// numbers as <paramref name="number"/>. Returns <see langword="false"/> for a form whose size is unknown here.
    /// </summary>
    public bool Form(ulong form, int offsetSize, out string? text, out ulong number)
    {
        text = null;
        number = 0;
        switch (form)
        {
            case FormString: text = CString(); return true;
            case FormLineStrp or FormStrp: number = offsetSize == 8 ? U64() : U32(); return true;
            case FormUdata or FormStrx: number = Uleb(); return true;
            case FormData1 or FormStrx1: number = U8(); return true;
            case FormData2 or 0x26: number = U16(); return true; // 0x26: DW_FORM_strx2
            case 0x27: Skip(3); return true; // DW_FORM_strx3
            case FormData4 or FormStrx4: number = U32(); return true;
            case FormData8: number = U64(); return true;
            case FormData16: Skip(16); return true;
            case FormBlock: Skip((long)Math.Min(Uleb(), long.MaxValue)); return true;
            case FormBlock1: Skip(U8()); return true;
            case FormBlock2: Skip(U16()); return true;
            case FormBlock4: Skip(U32()); return true;
            default: return false;
        }
    }

    private ReadOnlySpan<byte> Take(long count)
    {
        if (count < 0 || count > _data.Length - Position)
        {
            Failed = true;
            Position = _data.Length;
            return [];
        }
        var span = _data.Slice((int)Position, (int)count);
        Position += count;
        return span;
    }
}
