using PackGuard.Inspectors.SourceMaps;

namespace PackGuard.Artifacts.Inventory;

/// <summary>Classifies a file entry by its first bytes, and by its name only where the format has no magic.</summary>
internal static class FileKinds
{
    private static readonly string[] SymbolExtensions = [".pdb", ".dwo", ".dwp", ".debug", ".dbg"];

    public static FileKind Classify(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (entry.NestedArchive != ArchiveFormat.None || ContentSniffer.Detect(head) != ArchiveFormat.None)
            return FileKind.Archive;
        if (SymbolExtensions.Any(e => entry.FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || entry.InnerPath.Contains(".dSYM/", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("Microsoft C/C++ MSF 7.00"u8))
            return FileKind.Symbols;
        if (IsNative(entry, head))
            return FileKind.NativeBinary;
        if (SourceMapInspection.IsMapCandidate(entry, head))
            return FileKind.SourceMap;
        if (entry.Executable || head.StartsWith("#!"u8))
            return FileKind.Executable;
        return FileKind.Text;
    }

    private static bool IsNative(ArtifactEntry entry, ReadOnlySpan<byte> head)
    {
        if (head.Length < 4)
            return false;
        if (head.StartsWith("\u007fELF"u8) || head.StartsWith("\0asm"u8))
            return true;
        if (head[0] == (byte)'M' && head[1] == (byte)'Z' && head.Length >= 0x40)
        {
            // A PE file: the DOS header points at "PE\0\0" (a text file may well start with "MZ").
            var pe = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(head[0x3C..]);
            return pe > 0 && pe <= head.Length - 4 && head[pe..].StartsWith("PE\0\0"u8);
        }
        uint magic = (uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]);
        return magic switch
        {
            0xFEEDFACE or 0xFEEDFACF or 0xCEFAEDFE or 0xCFFAEDFE => true,
            // Fat Mach-O shares its magic with Java class files.
            0xCAFEBABE => !entry.FileName.EndsWith(".class", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
