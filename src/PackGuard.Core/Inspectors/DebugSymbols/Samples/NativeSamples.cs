using System.Buffers.Binary;
using System.Text;

namespace PackGuard.Inspectors.DebugSymbols.Samples;

/// <summary>A section of a sample ELF file.</summary>
internal sealed record SampleSection(string Name, uint Type, byte[] Data)
{
    public const uint ProgBits = 1;
    public const uint SymbolTable = 2;
    public const uint StringTable = 3;
}

/// <summary>
/// Builds small native files for rule samples and tests: ELF64 binaries with the sections asked
/// for (one loaded segment, then the sections, the section names and the table, as linkers lay
/// them out), DWARF line tables, and the headers of Windows PDBs and Mach-O files.
/// </summary>
internal static class NativeSamples
{
    /// <summary>A little-endian x86-64 ELF executable: a loaded .text, then <paramref name="sections"/>.</summary>
    public static byte[] Elf(params SampleSection[] sections)
    {
        const int header = 64, program = 56, entry = 64;
        var text = new byte[] { 0x31, 0xC0, 0xC3, 0x90 }; // xor eax, eax; ret; nop
        var all = new List<SampleSection> { new("", 0, []), new(".text", SampleSection.ProgBits, text) };
        all.AddRange(sections);
        var names = new MemoryStream();
        var nameOffsets = new List<int>();
        foreach (var section in all.Append(new SampleSection(".shstrtab", SampleSection.StringTable, [])))
        {
            nameOffsets.Add((int)names.Length);
            names.Write(Encoding.ASCII.GetBytes(section.Name + "\0"));
        }
        all.Add(new SampleSection(".shstrtab", SampleSection.StringTable, names.ToArray()));

        var file = new MemoryStream();
        file.Write(new byte[header + program]);
        var offsets = new List<long>();
        foreach (var section in all)
        {
            offsets.Add(section.Data.Length == 0 ? 0 : file.Position);
            file.Write(section.Data);
        }
        var table = file.Position;
        var loadedEnd = offsets[1] + text.Length;
        for (var i = 0; i < all.Count; i++)
        {
            var s = new byte[entry];
            BinaryPrimitives.WriteUInt32LittleEndian(s, (uint)nameOffsets[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(4), all[i].Type);
            BinaryPrimitives.WriteUInt64LittleEndian(s.AsSpan(8), i == 1 ? 6UL : 0UL); // .text: SHF_ALLOC | SHF_EXECINSTR
            BinaryPrimitives.WriteUInt64LittleEndian(s.AsSpan(24), (ulong)offsets[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(s.AsSpan(32), (ulong)all[i].Data.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(s.AsSpan(56), all[i].Type == SampleSection.SymbolTable ? 24UL : 0UL);
            file.Write(s);
        }
        var bytes = file.ToArray();
        "\x7F"u8.CopyTo(bytes);
        "ELF"u8.CopyTo(bytes.AsSpan(1));
        bytes[4] = 2; // 64-bit
        bytes[5] = 1; // little-endian
        bytes[6] = 1; // version
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(16), 2); // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), 62); // x86-64
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(32), header); // e_phoff
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(40), (ulong)table); // e_shoff
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(52), header);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(54), program);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(56), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(58), entry);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(60), (ushort)all.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(62), (ushort)(all.Count - 1));
        // One PT_LOAD (R+X) from the start of the file to the end of .text.
        var load = bytes.AsSpan(header, program);
        BinaryPrimitives.WriteUInt32LittleEndian(load, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(load[4..], 5);
        BinaryPrimitives.WriteUInt64LittleEndian(load[32..], (ulong)loadedEnd);
        BinaryPrimitives.WriteUInt64LittleEndian(load[40..], (ulong)loadedEnd);
        return bytes;
    }

    /// <summary>
    /// The DWARF sections of one compilation unit: <c>.debug_info</c> (a unit header),
    /// <c>.debug_line</c> and <c>.debug_line_str</c>. In DWARF 5 a file's source, when given, is
    /// embedded as LLVM does (DW_LNCT_LLVM_source); DWARF 4 names the files inline.
    /// </summary>
    public static SampleSection[] Dwarf(int version, string directory, params (string Name, string? Source)[] files)
    {
        var strings = new MemoryStream();
        int String(string s)
        {
            var at = (int)strings.Length;
            strings.Write(Encoding.UTF8.GetBytes(s + "\0"));
            return at;
        }
        var header = new MemoryStream();
        header.Write([1, 1, 1, unchecked((byte)-5), 14, 13]); // min_inst_length, max_ops, default_is_stmt, line_base, line_range, opcode_base
        header.Write([0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1]); // standard_opcode_lengths
        if (version >= 5)
        {
            header.Write([1, 1, 0x1F]); // directories: DW_LNCT_path as DW_FORM_line_strp
            header.WriteByte(1);
            header.Write(BitConverter.GetBytes(String(directory)));
            var embed = files.Any(f => f.Source is not null);
            header.Write(embed ? [3, 1, 0x1F, 2, 0x0B, 0x81, 0x40, 0x1F] : [2, 1, 0x1F, 2, 0x0B]); // path, directory_index [, LLVM_source]
            header.WriteByte((byte)files.Length);
            foreach (var (name, source) in files)
            {
                header.Write(BitConverter.GetBytes(String(name)));
                header.WriteByte(0);
                if (embed)
                    header.Write(BitConverter.GetBytes(String(source ?? "")));
            }
        }
        else
        {
            header.Write(Encoding.UTF8.GetBytes(directory + "\0\0"));
            foreach (var (name, _) in files)
                header.Write([.. Encoding.UTF8.GetBytes(name + "\0"), 1, 0, 0]);
            header.WriteByte(0);
        }
        var program = new byte[] { 0x00, 0x01, 0x01 }; // DW_LNE_end_sequence
        var unit = new MemoryStream();
        unit.Write(BitConverter.GetBytes((ushort)version));
        if (version >= 5)
            unit.Write([8, 0]);
        unit.Write(BitConverter.GetBytes((uint)header.Length));
        unit.Write(header.ToArray());
        unit.Write(program);
        var line = new MemoryStream();
        line.Write(BitConverter.GetBytes((uint)unit.Length));
        line.Write(unit.ToArray());

        var info = new MemoryStream();
        info.Write(BitConverter.GetBytes(version >= 5 ? 8u : 7u));
        info.Write(BitConverter.GetBytes((ushort)version));
        info.Write(version >= 5 ? [1, 8, 0, 0, 0, 0] : [0, 0, 0, 0, 8]); // unit type, address size, abbrev offset (or abbrev offset, address size)
        var sections = new List<SampleSection>
        {
            new(".debug_info", SampleSection.ProgBits, info.ToArray()),
            new(".debug_line", SampleSection.ProgBits, line.ToArray()),
        };
        if (version >= 5)
            sections.Add(new(".debug_line_str", SampleSection.ProgBits, strings.ToArray()));
        return [.. sections];
    }

    /// <summary>A symbol table with one local function symbol, and its string table.</summary>
    public static SampleSection[] SymbolTable(string function)
    {
        var symbols = new byte[48];
        BinaryPrimitives.WriteUInt32LittleEndian(symbols.AsSpan(24), 1); // st_name
        symbols[28] = 2; // STB_LOCAL, STT_FUNC
        return [new(".symtab", SampleSection.SymbolTable, symbols), new(".strtab", SampleSection.StringTable, Encoding.ASCII.GetBytes("\0" + function + "\0"))];
    }

    /// <summary>
    /// An MSF 7.00 container (the format of Windows PDBs): the superblock, then blocks of 512
    /// bytes holding <paramref name="strings"/> as a PDB's names stream holds source paths.
    /// </summary>
    public static byte[] WindowsPdb(params string[] strings)
    {
        const int block = 512;
        var names = Encoding.UTF8.GetBytes(string.Concat(strings.Select(s => s + "\0")));
        var blocks = 3 + ((names.Length + block - 1) / block);
        var file = new byte[blocks * block];
        "Microsoft C/C++ MSF 7.00\r\n"u8.CopyTo(file);
        "\x1A"u8.CopyTo(file.AsSpan(26));
        "DS"u8.CopyTo(file.AsSpan(27));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(32), block);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(36), 1); // free block map
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40), (uint)blocks);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(44), 0); // directory bytes
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(52), 2); // block map address
        names.CopyTo(file.AsSpan(3 * block));
        return file;
    }

    /// <summary>A 64-bit Mach-O debug companion file (MH_DSYM) whose string data holds <paramref name="strings"/>.</summary>
    public static byte[] MachODsym(params string[] strings)
    {
        var file = new MemoryStream();
        file.Write([0xCF, 0xFA, 0xED, 0xFE]);
        file.Write(BitConverter.GetBytes(0x0100000Cu)); // CPU_TYPE_ARM64
        file.Write(BitConverter.GetBytes(0u));
        file.Write(BitConverter.GetBytes(0xAu)); // MH_DSYM
        file.Write(new byte[16]); // ncmds, sizeofcmds, flags, reserved
        file.Write(new byte[32]);
        file.Write(Encoding.UTF8.GetBytes(string.Concat(strings.Select(s => s + "\0"))));
        return file.ToArray();
    }
}
