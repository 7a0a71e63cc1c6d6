using System.Buffers.Binary;

namespace PackGuard.Inspectors.DebugSymbols.Elf;

/// <summary>The fields of an ELF file header (System V gABI) the debug reader needs.</summary>
internal sealed record ElfHeader(bool Is64, bool BigEndian, long ProgramHeaderOffset, int ProgramHeaderSize, int ProgramHeaderCount,
    long SectionHeaderOffset, int SectionHeaderSize, int SectionHeaderCount, int NameSectionIndex)
{
    /// <summary>Whether a file that starts with <paramref name="head"/> is an ELF file.</summary>
    public static bool IsElf(ReadOnlySpan<byte> head) =>
        head.Length >= 52 && head.StartsWith("\x7F"u8 + "ELF"u8) && head[4] is 1 or 2 && head[5] is 1 or 2;

    /// <summary>Reads the file header; <see langword="null"/> when it is not one.</summary>
    public static ElfHeader? Read(ReadOnlySpan<byte> file)
    {
        if (!IsElf(file))
            return null;
        var is64 = file[4] == 2;
        if (is64 && file.Length < 64)
            return null;
        var reader = new ElfReader(file, file[5] == 2);
        return is64
            ? new ElfHeader(true, reader.BigEndian, (long)reader.U64(32), reader.U16(54), reader.U16(56), (long)reader.U64(40), reader.U16(58), reader.U16(60), reader.U16(62))
            : new ElfHeader(false, reader.BigEndian, reader.U32(28), reader.U16(42), reader.U16(44), reader.U32(32), reader.U16(46), reader.U16(48), reader.U16(50));
    }

    /// <summary>
    /// Where the file's loadable content ends: the largest end of a PT_LOAD segment. Sections that
    /// are not loaded (debug information, the symbol table, section names) follow it.
    /// </summary>
    public long? EndOfLoadedContent(ReadOnlySpan<byte> file)
    {
        var table = ProgramHeaderOffset + ((long)ProgramHeaderSize * ProgramHeaderCount);
        if (ProgramHeaderCount == 0 || ProgramHeaderSize < (Is64 ? 56 : 32) || ProgramHeaderOffset <= 0 || table > file.Length)
            return ProgramHeaderCount == 0 ? 0 : null;
        var reader = new ElfReader(file, BigEndian);
        long end = 0;
        for (var i = 0; i < ProgramHeaderCount; i++)
        {
            var at = (int)(ProgramHeaderOffset + ((long)i * ProgramHeaderSize));
            if (reader.U32(at) != 1) // PT_LOAD
                continue;
            var (offset, size) = Is64 ? ((long)reader.U64(at + 8), (long)reader.U64(at + 32)) : (reader.U32(at + 4), (long)reader.U32(at + 16));
            if (offset >= 0 && size >= 0 && offset + size > end)
                end = offset + size;
        }
        return end;
    }
}

/// <summary>Reads integers of either byte order from a span, returning 0 past its end (damaged files are common input).</summary>
internal readonly ref struct ElfReader(ReadOnlySpan<byte> data, bool bigEndian)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public bool BigEndian { get; } = bigEndian;

    public ushort U16(long at) => Fits(at, 2) ? (BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_data[(int)at..]) : BinaryPrimitives.ReadUInt16LittleEndian(_data[(int)at..])) : (ushort)0;

    public uint U32(long at) => Fits(at, 4) ? (BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_data[(int)at..]) : BinaryPrimitives.ReadUInt32LittleEndian(_data[(int)at..])) : 0;

    public ulong U64(long at) => Fits(at, 8) ? (BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(_data[(int)at..]) : BinaryPrimitives.ReadUInt64LittleEndian(_data[(int)at..])) : 0;

    private bool Fits(long at, int size) => at >= 0 && at + size <= _data.Length;
}
