using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PackGuard.Inspectors.DebugSymbols.Elf;

/// <summary>One section header.</summary>
internal readonly record struct ElfSection(string Name, uint Type, ulong Flags, long Offset, long Size)
{
    public const uint SymbolTable = 2;
    public const uint NoBits = 8;
    public const ulong Compressed = 0x800;
}

/// <summary>
/// The section table of an ELF file, read from the bytes kept of the file's end (where linkers
/// put it), and the sections' contents as far as those bytes hold them.
/// </summary>
internal sealed class ElfSections
{
    private const int MaxSections = 65_535;
    private readonly byte[] _bytes;
    private readonly long _base;
    private readonly ElfHeader _header;

    private ElfSections(byte[] bytes, long @base, ElfHeader header, List<ElfSection> sections, bool clipped)
    {
        Clipped = clipped;
        _bytes = bytes;
        _base = @base;
        _header = header;
        All = sections;
    }

    /// <summary>The table declares more sections than the kept bytes hold: the file was cut short or is damaged.</summary>
    public bool Clipped { get; }

    /// <summary>Every section, in table order.</summary>
    public IReadOnlyList<ElfSection> All { get; }

    /// <summary>Reads the section table from <paramref name="bytes"/>, which hold the file from offset <paramref name="base"/>.</summary>
    /// <returns><see langword="null"/> when the table is not among the bytes.</returns>
    public static ElfSections? Read(byte[] bytes, long @base, ElfHeader header)
    {
        var entrySize = header.Is64 ? 64 : 40;
        if (header.SectionHeaderOffset <= 0 || header.SectionHeaderSize < entrySize)
            return null;
        var reader = new ElfReader(bytes, header.BigEndian);
        var table = header.SectionHeaderOffset - @base;
        if (table < 0 || table + entrySize > bytes.Length)
            return null;
        // Extended numbering: with 65,280 sections or more, the first entry holds the real counts.
        var count = header.SectionHeaderCount != 0 ? header.SectionHeaderCount
            : (long)(header.Is64 ? reader.U64(table + 32) : reader.U32(table + 20));
        var names = header.NameSectionIndex != 0xFFFF ? header.NameSectionIndex : (int)reader.U32(table + (header.Is64 ? 40 : 24));
        var declared = count;
        count = Math.Min(count, Math.Min(MaxSections, (bytes.Length - table) / header.SectionHeaderSize));
        var raw = new List<(uint Name, uint Type, ulong Flags, long Offset, long Size)>((int)count);
        for (var i = 0; i < count; i++)
        {
            var at = table + (i * (long)header.SectionHeaderSize);
            raw.Add(header.Is64
                ? (reader.U32(at), reader.U32(at + 4), reader.U64(at + 8), Clamp(reader.U64(at + 24)), Clamp(reader.U64(at + 32)))
                : (reader.U32(at), reader.U32(at + 4), reader.U32(at + 8), reader.U32(at + 16), reader.U32(at + 20)));
        }
        var sections = new List<ElfSection>(raw.Count);
        var nameTable = names >= 0 && names < raw.Count ? Slice(bytes, @base, raw[names].Offset, raw[names].Size) : null;
        foreach (var (name, type, flags, offset, size) in raw)
            sections.Add(new ElfSection(Name(nameTable, name), type, flags, offset, size));
        return new ElfSections(bytes, @base, header, sections, declared > count);
    }

    /// <summary>The first section with this name, if any.</summary>
    public ElfSection? Find(string name)
    {
        foreach (var section in All)
        {
            if (section.Name == name)
                return section;
        }
        return null;
    }

    /// <summary>Whether the section's bytes are among those kept.</summary>
    public bool Holds(ElfSection section) =>
        section.Type == ElfSection.NoBits || Slice(_bytes, _base, section.Offset, section.Size) is not null;

    /// <summary>
    /// The section's content, decompressed when it is compressed (SHF_COMPRESSED with zlib, or a
    /// legacy <c>.zdebug_</c> section), at most <paramref name="maxSize"/> bytes.
    /// </summary>
    /// <returns><see langword="null"/> with a reason when the content is not at hand or cannot be read.</returns>
    public byte[]? Content(ElfSection section, long maxSize, out string? problem)
    {
        problem = null;
        if (section.Type == ElfSection.NoBits)
            return [];
        var data = Slice(_bytes, _base, section.Offset, section.Size);
        if (data is null)
        {
            problem = $"{section.Name} lies outside the part of the file that was kept";
            return null;
        }
        var span = data.Value.Span;
        if ((section.Flags & ElfSection.Compressed) != 0)
        {
            var reader = new ElfReader(span, _header.BigEndian);
            var headerSize = _header.Is64 ? 24 : 12;
            var type = reader.U32(0);
            var size = _header.Is64 ? reader.U64(8) : reader.U32(4);
            if (type != 1)
            {
                problem = type == 2 ? $"{section.Name} is compressed with zstd, which PackGuard does not read" : $"{section.Name} is compressed in an unknown format ({type})";
                return null;
            }
            return Inflate(data.Value[Math.Min(headerSize, span.Length)..], size, maxSize, section.Name, out problem);
        }
        if (section.Name.StartsWith(".zdebug_", StringComparison.Ordinal))
        {
            if (span.Length < 12 || !span.StartsWith("ZLIB"u8))
            {
                problem = $"{section.Name} lacks its ZLIB header";
                return null;
            }
            return Inflate(data.Value[12..], BinaryPrimitives.ReadUInt64BigEndian(span[4..]), maxSize, section.Name, out problem);
        }
        if (span.Length > maxSize)
        {
            problem = $"{section.Name} is larger than the symbol size limit";
            return null;
        }
        return span.ToArray();
    }

    private static byte[]? Inflate(ReadOnlyMemory<byte> zlib, ulong declared, long maxSize, string name, out string? problem)
    {
        problem = null;
        if (declared > (ulong)Math.Min(maxSize, Array.MaxLength))
        {
            problem = $"{name} is larger than the symbol size limit once decompressed";
            return null;
        }
        using var output = new MemoryStream((int)Math.Min(declared, (ulong)zlib.Length * 4 + 4096));
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(zlib.ToArray(), writable: false), CompressionMode.Decompress);
            var buffer = new byte[64 * 1024];
            int read;
            while ((ulong)output.Length < declared && (read = inflater.Read(buffer, 0, (int)Math.Min((ulong)buffer.Length, declared - (ulong)output.Length))) > 0)
                output.Write(buffer, 0, read);
        }
        catch (InvalidDataException)
        {
            problem = $"{name} does not decompress";
            return null;
        }
        return output.ToArray();
    }

    private static ReadOnlyMemory<byte>? Slice(byte[] bytes, long @base, long offset, long size)
    {
        var start = offset - @base;
        if (start < 0 || size < 0 || start > bytes.Length || size > bytes.Length - start)
            return null;
        return bytes.AsMemory((int)start, (int)size);
    }

    private static string Name(ReadOnlyMemory<byte>? table, uint offset)
    {
        if (table is not { } names || offset >= names.Length)
            return "";
        var span = names.Span[(int)offset..];
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? span[..end] : span);
    }

    private static long Clamp(ulong value) => value > long.MaxValue ? -1 : (long)value;
}
