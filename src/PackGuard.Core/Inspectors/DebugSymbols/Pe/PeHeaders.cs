using System.Buffers.Binary;

namespace PackGuard.Inspectors.DebugSymbols.Pe;

/// <summary>The parts of a PE image's headers that locate its debug directory (PE/COFF specification).</summary>
/// <param name="DebugDirectoryOffset">File offset of the debug directory, or <see langword="null"/> when it has none.</param>
/// <param name="DebugDirectorySize">Its size in bytes.</param>
/// <param name="Managed">The image has a CLI header: it is a .NET assembly.</param>
internal readonly record struct PeHeaders(long? DebugDirectoryOffset, int DebugDirectorySize, bool Managed)
{
    private const int DebugDirectoryIndex = 6;
    private const int CliHeaderIndex = 14;
    private const int SectionHeaderSize = 40;

    /// <summary>
    /// Reads the headers from the first bytes of the file. Returns <see langword="null"/> when they
    /// are not a PE image's; <paramref name="needMore"/> then says whether more bytes could tell.
    /// </summary>
    public static PeHeaders? TryRead(ReadOnlySpan<byte> file, out bool needMore)
    {
        needMore = false;
        if (file.Length < 64)
        {
            needMore = true;
            return null;
        }
        if (file[0] != (byte)'M' || file[1] != (byte)'Z')
            return null;
        var pe = BinaryPrimitives.ReadInt32LittleEndian(file[0x3C..]);
        if (pe < 64)
            return null;
        var optional = (long)pe + 24;
        if (file.Length < optional)
        {
            needMore = true;
            return null;
        }
        if (!file.Slice(pe, 4).SequenceEqual("PE\0\0"u8))
            return null;
        var sections = BinaryPrimitives.ReadUInt16LittleEndian(file[(pe + 6)..]);
        var optionalSize = BinaryPrimitives.ReadUInt16LittleEndian(file[(pe + 20)..]);
        var sectionTable = optional + optionalSize;
        var end = sectionTable + ((long)sections * SectionHeaderSize);
        if (file.Length < end)
        {
            needMore = true;
            return null;
        }
        var header = file.Slice((int)optional, optionalSize);
        if (header.Length < 2)
            return null;
        var magic = BinaryPrimitives.ReadUInt16LittleEndian(header);
        var directories = magic switch
        {
            0x10B => 96,
            0x20B => 112,
            _ => -1,
        };
        if (directories < 0 || header.Length < directories)
            return null;
        var managed = Directory(header, directories, CliHeaderIndex).Rva != 0;
        var (rva, size) = Directory(header, directories, DebugDirectoryIndex);
        if (rva == 0 || size == 0)
            return new PeHeaders(null, 0, managed);
        var table = file.Slice((int)sectionTable, sections * SectionHeaderSize);
        var (offset, available) = FileOffset(table, rva);
        // A directory cannot run past its section's data; a size that claims more is damage.
        return new PeHeaders(offset, (int)Math.Min(Math.Min(size, available), int.MaxValue), managed);
    }

    /// <summary>Entry <paramref name="index"/> of the data directories, or zeros when the header has fewer.</summary>
    private static (uint Rva, uint Size) Directory(ReadOnlySpan<byte> header, int directories, int index)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header[(directories - 4)..]);
        var at = directories + (index * 8);
        return index < count && header.Length >= at + 8
            ? (BinaryPrimitives.ReadUInt32LittleEndian(header[at..]), BinaryPrimitives.ReadUInt32LittleEndian(header[(at + 4)..]))
            : (0, 0);
    }

    /// <summary>Maps a relative virtual address to a file offset through the section table, with the bytes of the section's data from there on.</summary>
    private static (long? Offset, long Available) FileOffset(ReadOnlySpan<byte> sections, uint rva)
    {
        for (var at = 0; at + SectionHeaderSize <= sections.Length; at += SectionHeaderSize)
        {
            var section = sections.Slice(at, SectionHeaderSize);
            var virtualSize = BinaryPrimitives.ReadUInt32LittleEndian(section[8..]);
            var virtualAddress = BinaryPrimitives.ReadUInt32LittleEndian(section[12..]);
            var rawSize = BinaryPrimitives.ReadUInt32LittleEndian(section[16..]);
            var rawPointer = BinaryPrimitives.ReadUInt32LittleEndian(section[20..]);
            var extent = Math.Max(virtualSize, rawSize);
            if (rva >= virtualAddress && rva - virtualAddress < extent && rva - virtualAddress < rawSize)
                return ((long)rawPointer + (rva - virtualAddress), rawSize - (rva - virtualAddress));
        }
        return (null, 0);
    }
}

/// <summary>The CodeView record of a PE debug directory: where the build wrote the PDB.</summary>
internal static class CodeView
{
    /// <summary>The PDB path of an RSDS (PDB 7.0) or NB10 (PDB 2.0) record, or <see langword="null"/>.</summary>
    public static string? ReadPath(ReadOnlySpan<byte> record)
    {
        // RSDS: signature, GUID (16), age (4), path. NB10: signature, offset (4), time stamp (4), age (4), path.
        var start = record.StartsWith("RSDS"u8) ? 24 : record.StartsWith("NB10"u8) ? 16 : -1;
        if (start < 0 || record.Length <= start)
            return null;
        var path = record[start..];
        var end = path.IndexOf((byte)0);
        if (end >= 0)
            path = path[..end];
        return path.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(path);
    }
}
