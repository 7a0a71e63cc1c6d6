using PackGuard.Inspectors.DebugSymbols.Elf;
using PackGuard.Inspectors.DebugSymbols.Pdb;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>How debug symbols ship.</summary>
internal enum SymbolForm
{
    /// <summary>A standalone portable PDB file.</summary>
    PortablePdb,

    /// <summary>A portable PDB inside a DLL or EXE (DebugType=embedded).</summary>
    EmbeddedPdb,

    /// <summary>A PE image whose debug directory only names its PDB (the CodeView path).</summary>
    PeImage,

    /// <summary>A Windows (MSF) PDB.</summary>
    WindowsPdb,

    /// <summary>An ELF binary or debug file.</summary>
    Elf,

    /// <summary>The DWARF file of a Mach-O <c>.dSYM</c> bundle.</summary>
    Dsym,
}

/// <summary>What one entry of the artifact carries for a debugger; judged once the package's metadata is known.</summary>
internal sealed class SymbolObservation(string path, SymbolForm form)
{
    public string Path { get; } = path;
    public SymbolForm Form { get; } = form;

    /// <summary>The entry lies inside a nested <c>.snupkg</c>.</summary>
    public bool InSymbolsPackage { get; init; }

    /// <summary>Size of the symbols: the file, or the embedded PDB once decompressed.</summary>
    public long Bytes { get; set; }

    public PdbMeasurement? Pdb { get; set; }
    public ElfMeasurement? Elf { get; set; }

    /// <summary>The CodeView PDB paths of a PE image.</summary>
    public IReadOnlyList<string> CodeViewPaths { get; set; } = [];

    /// <summary>The format a Windows PDB or Mach-O file declares.</summary>
    public string? Format { get; set; }

    /// <summary>Home directories the symbols reveal.</summary>
    public UserPathSet Users { get; } = new();

    /// <summary>What could not be read, or <see langword="null"/>.</summary>
    public string? Incomplete { get; set; }
}
