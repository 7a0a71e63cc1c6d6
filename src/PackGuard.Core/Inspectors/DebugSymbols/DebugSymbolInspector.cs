using PackGuard.Rules;

namespace PackGuard.Inspectors.DebugSymbols;

/// <summary>
/// Finds what debug symbols give away. How the pieces fit:
/// <list type="bullet">
/// <item><see cref="DebugSymbolInspection"/> looks at each entry's first bytes and hands only
/// debug files to a reader: portable PDBs ("BSJB") are buffered for
/// <see cref="Pdb.PortablePdbAnalyzer"/>; PE images ("MZ") stream through
/// <see cref="Pe.PeDebugReader"/>, which keeps the debug directory, its CodeView path and any
/// embedded PDB; ELF files through <see cref="Elf.ElfDebugReader"/>, which keeps the sections
/// after the loaded segments (DWARF, symbol table) and reads the line tables with
/// <see cref="Elf.DwarfLineTables"/>; Windows PDBs and <c>.dSYM</c> DWARF files are recognised by
/// signature and their strings searched.</item>
/// <item><see cref="UserPaths"/> finds home directories (and so user names) in every path read.</item>
/// <item><see cref="DebugSymbolFindings"/> judges each file against the package's openness (the
/// source-map rules' <see cref="Artifacts.Metadata.PackageOpenness"/>, with Source Link and
/// symbol packages taken into account by <see cref="SymbolOpenness"/>) and words the finding.</item>
/// </list>
/// </summary>
public sealed class DebugSymbolInspector : IInspector
{
    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules => DebugSymbolRules.All;

    /// <inheritdoc />
    public IArtifactInspection Begin(InspectionContext context) => new DebugSymbolInspection(context);
}
