using System.Buffers.Binary;
using System.IO.Compression;
using PackGuard.Inspectors.DebugSymbols;
using PackGuard.Inspectors.DebugSymbols.Elf;
using PackGuard.Inspectors.DebugSymbols.Samples;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

public sealed class ElfDebugReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(65536)]
    public void Dwarf5_line_tables_with_embedded_sources_are_measured_in_chunks_of_any_size(int chunk)
    {
        var elf = NativeSamples.Elf([.. NativeSamples.Dwarf(5, "/home/jdoe/acme", ("src/a.c", "int a;\nint b;\n"), ("src/b.c", "int c;")), .. NativeSamples.SymbolTable("main")]);
        var users = new UserPathSet();

        var m = Read(elf, chunk, users: users)!;

        m.HasDwarf.ShouldBeTrue();
        m.DebugSections.ShouldBe([".debug_info", ".debug_line", ".debug_line_str"]);
        m.SymbolTable.ShouldBeTrue();
        m.DwarfVersion.ShouldBe(5);
        m.SourceFiles.ShouldBe(2);
        m.EmbeddedSources.ShouldBe(2);
        m.EmbeddedLines.ShouldBe(3);
        m.EmbeddedBytes.ShouldBe(20);
        m.EmbeddedExamples.ShouldBe(["/home/jdoe/acme/src/a.c", "/home/jdoe/acme/src/b.c"]);
        m.Incomplete.ShouldBeNull();
        users.People.ShouldHaveSingleItem().User.ShouldBe("jdoe");
    }

    [Fact]
    public void Dwarf4_names_its_files_inline_and_embeds_nothing()
    {
        var m = Read(NativeSamples.Elf(NativeSamples.Dwarf(4, "/build/acme", ("src/a.c", null), ("src/b.c", null))), 4096)!;

        m.DwarfVersion.ShouldBe(4);
        m.SourceFiles.ShouldBe(2);
        m.EmbeddedSources.ShouldBe(0);
    }

    [Fact]
    public void A_stripped_binary_has_neither_dwarf_nor_a_symbol_table()
    {
        var m = Read(NativeSamples.Elf(), 4096)!;

        m.HasDwarf.ShouldBeFalse();
        m.SymbolTable.ShouldBeFalse();
        m.Incomplete.ShouldBeNull();
    }

    [Fact]
    public void Compressed_debug_sections_are_inflated()
    {
        var sections = NativeSamples.Dwarf(5, "/home/jdoe/acme", ("src/a.c", "int a;\n"));
        var compressed = sections.Select(s => s with { Data = Zlib(s.Data) }).ToArray();
        var elf = NativeSamples.Elf(compressed);
        SetCompressedFlag(elf);

        var m = Read(elf, 4096)!;

        m.EmbeddedSources.ShouldBe(1);
        m.Incomplete.ShouldBeNull();
    }

    [Fact]
    public void Debug_sections_larger_than_the_limit_keep_the_end_of_the_file_and_say_so()
    {
        var big = new SampleSection(".debug_info", SampleSection.ProgBits, new byte[200_000]);
        var elf = NativeSamples.Elf([big, .. NativeSamples.SymbolTable("main")]);

        var m = Read(elf, 8192, maxSymbolSize: 16 * 1024)!;

        m.HasDwarf.ShouldBeTrue(); // the section table and names lie in the kept end
        m.SymbolTable.ShouldBeTrue();
        m.Incomplete.ShouldNotBeNull();
        m.Incomplete.ShouldContain("larger than the symbol size limit");
    }

    [Fact]
    public void A_file_cut_before_its_section_table_says_so()
    {
        var elf = NativeSamples.Elf(NativeSamples.Dwarf(5, "/x", ("a.c", null)));

        var m = Read(elf[..(elf.Length - 100)], 4096, truncated: true)!;

        m.HasDwarf.ShouldBeFalse();
        m.Incomplete.ShouldBe("the file was cut short inside its section table");
        Read(elf[..((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(40)) - 10)], 4096, truncated: true)!.Incomplete.ShouldBe("the file was cut short before its section table");
    }

    [Theory]
    [InlineData(40, 0x7FFF_FFFF_FFFF_FFFFL)] // e_shoff
    [InlineData(60, 0xFFFF)] // e_shnum
    [InlineData(32, 0x7FFF_FFFF_FFFF_FFFFL)] // e_phoff
    public void Hostile_headers_do_not_throw(int offset, long value)
    {
        var elf = NativeSamples.Elf(NativeSamples.Dwarf(5, "/x", ("a.c", "x")));
        if (offset == 60)
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(offset), (ushort)value);
        else
            BinaryPrimitives.WriteInt64LittleEndian(elf.AsSpan(offset), value);

        Should.NotThrow(() => Read(elf, 4096));
    }

    [Fact]
    public void Damaged_line_tables_stop_with_a_reason()
    {
        var sections = NativeSamples.Dwarf(5, "/x", ("a.c", "x"));
        var line = sections.Single(s => s.Name == ".debug_line").Data;
        BinaryPrimitives.WriteUInt32LittleEndian(line, 0x7FFF_0000); // a unit longer than the section

        var m = Read(NativeSamples.Elf(sections), 4096)!;

        m.HasDwarf.ShouldBeTrue();
        m.EmbeddedSources.ShouldBe(0);
        m.Incomplete.ShouldBe("a line table is longer than its section");
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        output.Write(BitConverter.GetBytes(1u)); // ELFCOMPRESS_ZLIB
        output.Write(BitConverter.GetBytes(0u));
        output.Write(BitConverter.GetBytes((ulong)data.Length));
        output.Write(BitConverter.GetBytes(1UL));
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return output.ToArray();
    }

    /// <summary>Sets SHF_COMPRESSED on every .debug_ section of a sample ELF.</summary>
    private static void SetCompressedFlag(byte[] elf)
    {
        var table = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(40));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(60));
        var names = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(62));
        var nameTable = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(table + (names * 64) + 24));
        for (var i = 0; i < count; i++)
        {
            var header = elf.AsSpan(table + (i * 64), 64);
            var name = elf.AsSpan(nameTable + (int)BinaryPrimitives.ReadUInt32LittleEndian(header));
            if (name.StartsWith(".debug_"u8))
                BinaryPrimitives.WriteUInt64LittleEndian(header[8..], 0x800);
        }
    }

    private static ElfMeasurement? Read(byte[] elf, int chunk, long maxSymbolSize = 1 << 20, bool truncated = false, UserPathSet? users = null)
    {
        var reader = new ElfDebugReader(maxSymbolSize, users ?? new UserPathSet(), CancellationToken.None);
        for (var at = 0; at < elf.Length; at += chunk)
            reader.Write(elf.AsSpan(at, Math.Min(chunk, elf.Length - at)));
        reader.Complete(truncated);
        return reader.Result;
    }
}

public sealed class ToolchainSourcesTests
{
    [Theory]
    [InlineData("/home/buildozer/aports/main/musl/src/musl-1.2.6/crt/aarch64/crti.s", true)]
    [InlineData("../sysdeps/x86_64/start.S", true)]
    [InlineData("/build/glibc-abc/csu/init-first.c", true)]
    [InlineData("/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/fmt/mod.rs", true)]
    [InlineData("crtbeginS.o", true)]
    [InlineData("/home/jdoe/acme/src/engine.c", false)]
    [InlineData("src/start_engine.c", false)]
    public void Runtime_files_are_told_from_the_program(string path, bool runtime) =>
        ToolchainSources.IsRuntime(path).ShouldBe(runtime);
}
