using System.Buffers.Binary;
using PackGuard.Inspectors.DebugSymbols.Pe;
using PackGuard.Inspectors.DebugSymbols.Samples;

namespace PackGuard.Tests.Inspectors.DebugSymbols;

public sealed class PeDebugReaderTests
{
    private const string PdbPath = @"C:\Users\jdoe\src\Acme\obj\Release\net8.0\Acme.Secret.pdb";

    private static readonly SampleDocument[] Documents = [new("/_/src/Pricing.cs", "class Pricing { }\n")];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(512)]
    [InlineData(8192)]
    [InlineData(1 << 20)]
    public void Chunks_of_any_size_give_the_codeview_path_and_the_embedded_pdb(int chunk)
    {
        var image = PdbSamples.Dll(PdbPath, Documents);

        var data = Read(image, chunk);

        data.HasDebugDirectory.ShouldBeTrue();
        data.Managed.ShouldBeTrue();
        data.Reproducible.ShouldBeTrue();
        data.CodeViewPaths.ShouldBe([PdbPath]);
        data.EmbeddedPdbData.ShouldNotBeNull();
        EmbeddedPdb.Inflate(data.EmbeddedPdbData, 1 << 20, out var problem).ShouldNotBeNull();
        problem.ShouldBeNull();
        data.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void An_image_without_an_embedded_pdb_only_names_its_pdb()
    {
        var data = Read(PdbSamples.Dll(PdbPath), 4096);

        data.CodeViewPaths.ShouldBe([PdbPath]);
        data.EmbeddedPdbSize.ShouldBeNull();
    }

    [Fact]
    public void An_embedded_pdb_over_the_limit_is_not_held_and_says_so()
    {
        var data = Read(PdbSamples.Dll(PdbPath, Documents), 4096, maxSymbolSize: 64);

        data.EmbeddedPdbSize.ShouldNotBeNull();
        data.EmbeddedPdbData.ShouldBeNull();
        data.Notes.ShouldHaveSingleItem().ShouldContain("larger than the symbol size limit");
    }

    [Fact]
    public void A_truncated_image_reports_what_it_could_not_read()
    {
        var image = PdbSamples.Dll(PdbPath, Documents);

        var mpdb = image.AsSpan().IndexOf("MPDB"u8);

        var data = Read(image[..(mpdb + 10)], 4096, truncated: true);

        data.EmbeddedPdbData.ShouldBeNull();
        data.Notes.ShouldContain(n => n.Contains("cut short", StringComparison.Ordinal));
    }

    [Fact]
    public void Debug_data_after_its_directory_is_read_from_a_pe32_plus_image_far_past_the_headers()
    {
        var image = SyntheticPe(directoryAt: 80_000, codeViewAt: 100_000);

        Read(image, 8192).CodeViewPaths.ShouldBe(["/home/jdoe/acme/Acme.pdb"]);
    }

    [Fact]
    public void Debug_data_that_lies_before_its_directory_is_reported_as_unreadable()
    {
        var image = SyntheticPe(directoryAt: 100_000, codeViewAt: 80_000);

        var data = Read(image, 8192);

        data.CodeViewPaths.ShouldBeEmpty();
        data.Notes.ShouldHaveSingleItem().ShouldContain("lies before the debug directory");
    }

    [Theory]
    [InlineData(0x3C, 0x7FFF_FFFF)] // e_lfanew far away
    [InlineData(0x3C, -1)]
    public void Hostile_headers_are_no_pe(int offset, int value)
    {
        var image = PdbSamples.Dll(PdbPath, Documents);
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(offset), value);

        PeDebugReader.IsPe(image).ShouldBeFalse();
        Read(image, 4096).HasDebugDirectory.ShouldBeFalse();
    }

    [Fact]
    public void A_debug_directory_of_absurd_size_is_bounded()
    {
        var image = PdbSamples.Dll(PdbPath, Documents);
        var pe = BinaryPrimitives.ReadInt32LittleEndian(image.AsSpan(0x3C));
        // PE32 data directory 6 (debug): size field.
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(pe + 24 + 96 + (6 * 8) + 4), int.MaxValue);

        var data = Read(image, 4096);

        data.CodeViewPaths.ShouldBe([PdbPath]); // the real entries come first; the rest is bounded garbage
    }

    [Fact]
    public void Embedded_pdb_data_that_is_not_mpdb_or_lies_about_its_size_is_refused()
    {
        EmbeddedPdb.Inflate([1, 2, 3, 4, 5, 6, 7, 8, 9], 1 << 20, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull();
        byte[] huge = [.. "MPDB"u8, 0xFF, 0xFF, 0xFF, 0x7F, 0x03, 0x00];
        EmbeddedPdb.Inflate(huge, 1 << 20, out problem).ShouldBeNull();
        problem!.ShouldContain("larger than the symbol size limit");
        byte[] shortData = [.. "MPDB"u8, 0x00, 0x10, 0x00, 0x00, 0x03, 0x00];
        EmbeddedPdb.Inflate(shortData, 1 << 20, out problem).ShouldBeNull();
        problem!.ShouldContain("shorter");
    }

    /// <summary>
    /// A PE32+ image of one section (raw data from 0x200, virtual address 0x1000) whose debug
    /// directory and CodeView record lie at the given file offsets.
    /// </summary>
    private static byte[] SyntheticPe(int directoryAt, int codeViewAt)
    {
        var image = new byte[120_000];
        "MZ"u8.CopyTo(image);
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(0x3C), 0x80);
        "PE\0\0"u8.CopyTo(image.AsSpan(0x80));
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x84), 0x8664);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x86), 1); // sections
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x94), 240); // optional header size
        var optional = 0x98;
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(optional), 0x20B);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(optional + 108), 16);
        uint Rva(int offset) => (uint)(offset - 0x200 + 0x1000);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(optional + 112 + (6 * 8)), Rva(directoryAt));
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(optional + 112 + (6 * 8) + 4), 28);
        var section = optional + 240;
        ".text"u8.CopyTo(image.AsSpan(section));
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(section + 8), 0x20000);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(section + 12), 0x1000);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(section + 16), 0x20000);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(section + 20), 0x200);
        byte[] record = [.. "RSDS"u8, .. new byte[20], .. "/home/jdoe/acme/Acme.pdb\0"u8];
        record.CopyTo(image.AsSpan(codeViewAt));
        var entry = image.AsSpan(directoryAt, 28);
        BinaryPrimitives.WriteInt32LittleEndian(entry[12..], 2); // CodeView
        BinaryPrimitives.WriteInt32LittleEndian(entry[16..], record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[20..], Rva(codeViewAt));
        BinaryPrimitives.WriteUInt32LittleEndian(entry[24..], (uint)codeViewAt);
        return image;
    }

    private static PeDebugData Read(byte[] image, int chunk, long maxSymbolSize = 1 << 20, bool truncated = false)
    {
        var reader = new PeDebugReader(maxSymbolSize);
        for (var at = 0; at < image.Length; at += chunk)
            reader.Write(image.AsSpan(at, Math.Min(chunk, image.Length - at)));
        reader.Complete(truncated);
        return reader.Result;
    }
}
